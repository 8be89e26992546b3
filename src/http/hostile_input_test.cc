// Hostile request bodies against a real server over SQLite: bytes that are not UTF-8 and NUL
// characters in every text field of a reception, a submission and a command are refused with a
// problem naming the field, and nothing is written; SQL metacharacters in the free-text fields
// are stored and read back verbatim (on PostgreSQL too: hostile_input_pgtest.cc); file names and
// paths never reach the attachment store.
#include <sqlite3.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <set>

#include "app/secrets.h"
#include "calendar/test_util.h"
#include "catalog/test_util.h"
#include "http/testing/hostile_fixture.h"

namespace motcua::http {
namespace {

using calendar::testing::L;
using catalog::StepKind;
using testing::Session;

// What a field is replaced with: raw bytes spliced into the JSON text, quotes included.
struct Poison {
  const char* what;
  std::string json_text;
};

const std::vector<Poison>& Poisons() {
  static const std::vector<Poison> kPoisons = {
      {"a truncated sequence", "\"Nguy\xE1\xBB\""},
      {"a stray continuation byte", "\"H\x80\x80ng\""},
      {"an overlong slash", "\"..\xC0\xAF..\""},
      {"a UTF-16 surrogate", "\"\xED\xA0\x80\""},
      {"a byte that never occurs", "\"\xFF\xFE\""},
      {"a raw NUL byte", std::string("\"A\0B\"", 5)},
      {"an escaped NUL", "\"A\\u0000B\""},
      {"only an escaped NUL", "\"\\u0000\""},
  };
  return kPoisons;
}

// Every byte but letters and digits as %XX.
std::string PercentEncoded(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

constexpr char kMarker[] = "@@POISON@@";

// `body` with the string at `pointer` (a JSON pointer) replaced by `poison`'s bytes.
std::string Poisoned(nlohmann::json body, const std::string& pointer, const Poison& poison) {
  body[nlohmann::json::json_pointer(pointer)] = kMarker;
  std::string text = body.dump();
  const std::string quoted = std::string("\"") + kMarker + "\"";
  text.replace(text.find(quoted), quoted.size(), poison.json_text);
  return text;
}

class HostileInputTest : public testing::HostileFixture {
 protected:
  // Rows of `table` in the test database, read beside the server's own connections.
  std::int64_t Rows(const std::string& table) override {
    sqlite3* db = nullptr;
    std::int64_t n = -1;
    if (sqlite3_open_v2((dir_ / "t.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      const std::string sql = "SELECT count(*) FROM " + table;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
      }
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
  }
};

// Every text field of a counter reception and of an online submission, by JSON pointer and by
// the name the problem gives it.
const std::vector<std::pair<std::string, std::string>> kReceptionFields = {
    {"/procedure_code", "procedure_code"},
    {"/case_name", "case_name"},
    {"/channel", "channel"},
    {"/postal_item", "postal_item"},
    {"/decision", "decision"},
    {"/reason", "reason"},
    {"/items/0", "items[0]"},
    {"/applicant/name", "applicant.name"},
    {"/applicant/id_number", "applicant.id_number"},
    {"/applicant/address", "applicant.address"},
    {"/applicant/commune_code", "applicant.commune_code"},
    {"/applicant/phone", "applicant.phone"},
    {"/applicant/email", "applicant.email"},
    {"/components/0/name", "components[0].name"},
    {"/components/0/provision", "components[0].provision"},
    {"/components/0/file_sha256", "components[0].file_sha256"},
};

TEST_F(HostileInputTest, BadTextInEveryReceptionFieldIsRefusedByNameAndNothingIsWritten) {
  Session reception = Login("tiepnhan");
  Session citizen = Login("congdan");
  const auto before = Written();
  for (const auto& [pointer, field] : kReceptionFields) {
    for (const Poison& poison : Poisons()) {
      const std::string context = field + " with " + poison.what;
      ExpectRefusedNaming(
          Send("POST", "/api/v1/dossiers", &reception, Poisoned(Reception(), pointer, poison)),
          field, "counter: " + context);
      if (pointer == "/channel" || pointer == "/decision" || pointer == "/reason" ||
          pointer == "/items/0") {
        continue;  // not fields of an online submission
      }
      json online = Reception();
      for (const char* key : {"channel", "decision", "reason", "items"}) online.erase(key);
      ExpectRefusedNaming(
          Send("POST", "/api/v1/dossiers/online", &citizen, Poisoned(online, pointer, poison)),
          field, "online: " + context);
    }
  }
  // A NUL byte after the object: the parser stops at it, the body is refused whole.
  ExpectRefusedNaming(Send("POST", "/api/v1/dossiers", &reception,
                           Reception().dump() + std::string("\0{\"decision\":\"refuse\"}", 22)),
                      "body", "a NUL byte after the object");
  // An empty key is an unknown field too, named so that it can be seen.
  json empty_key = Reception();
  empty_key[""] = "Đã có kết quả giám định";
  ExpectRefusedNaming(Send("POST", "/api/v1/dossiers", &reception, empty_key.dump()), "\"\"",
                      "an empty key");
  EXPECT_EQ(Written(), before);
}

TEST_F(HostileInputTest, BadTextInEveryCommandFieldIsRefusedByNameAndNothingIsWritten) {
  Session reception = Login("tiepnhan");
  json body = Reception();
  body["decision"] = "receive";
  body.erase("reason");
  body.erase("items");
  body["components"][0].erase("file_sha256");
  const std::int64_t id = Receive(reception, body);
  ASSERT_GT(id, 0);
  const std::string path = "/api/v1/dossiers/" + std::to_string(id) + "/commands";
  const json version =
      Body(Send("GET", "/api/v1/dossiers/" + std::to_string(id), &reception))["version"];
  const json command = {{"command", "forward"},
                        {"version", version},
                        {"to_step", "xu-ly"},
                        {"to_unit", "H99.02"},
                        {"reason", "Chuyển xử lý"},
                        {"reference", "12/TB"},
                        {"items", {"Bản sao giấy khai sinh"}},
                        {"pause", "expert-assessment"},
                        {"return_method", "counter"},
                        {"new_appointment", "2026-03-20T16:30:00+07:00"}};
  const auto before = Written();
  for (const char* field : {"command", "to_step", "to_unit", "reason", "reference", "items",
                            "pause", "return_method", "new_appointment"}) {
    const std::string pointer =
        std::string("/") + field + (field == std::string("items") ? "/0" : "");
    const std::string name = field == std::string("items") ? "items[0]" : field;
    for (const Poison& poison : Poisons()) {
      ExpectRefusedNaming(Send("POST", path, &reception, Poisoned(command, pointer, poison)), name,
                          name + " with " + poison.what);
    }
  }
  EXPECT_EQ(Written(), before);
}

TEST_F(HostileInputTest, SqlMetacharactersInTextFieldsAreStoredAndReadBackVerbatim) {
  ExpectSqlMetacharactersStoredAndReadBackVerbatim();
}

TEST_F(HostileInputTest, FileNamesAndPathsNeverLeaveTheAttachmentStore) {
  Session reception = Login("tiepnhan");
  auto files_in = [](const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      names.insert(e.path().string());
    }
    return names;
  };
  const auto tmp = std::filesystem::temp_directory_path();
  const auto before = files_in(dir_);
  const std::string pdf = "%PDF-1.7\nBản quét tờ khai\n%%EOF\n";
  // Names a client may give a file: in Content-Disposition, in the query, in the type.
  for (const std::string name :
       {"../../../../tmp/motcua-evil.pdf", "/tmp/motcua-evil.pdf", "..\\..\\motcua-evil.pdf",
        "motcua-evil.pdf%00.png", "....//....//motcua-evil.pdf"}) {
    auto res = client_->Post(("/api/v1/attachments?name=" + PercentEncoded(name)).c_str(),
                             {{"Cookie", reception.cookie},
                              {"X-CSRF-Token", reception.csrf},
                              {"Content-Disposition", "attachment; filename=\"" + name + "\""}},
                             pdf, "application/pdf");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << name << " " << res->body;
    EXPECT_EQ(Body(res)["sha256"], app::Sha256Hex(pdf));
    EXPECT_EQ(res->get_header_value("Location"), "/api/v1/attachments/" + app::Sha256Hex(pdf));
  }
  EXPECT_FALSE(std::filesystem::exists(tmp / "motcua-evil.pdf"));
  EXPECT_FALSE(std::filesystem::exists("motcua-evil.pdf"));
  EXPECT_EQ(Rows("attachments"), 1);
  // Served under its hash, whatever it was called.
  auto file = Send("GET", "/api/v1/attachments/" + app::Sha256Hex(pdf), &reception);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Disposition"),
            "attachment; filename=\"" + app::Sha256Hex(pdf).substr(0, 16) + ".pdf\"");

  // Paths in place of a hash: not found (or not a route), never a file of the host.
  for (const std::string& path : std::vector<std::string>{
           "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..%5C..%5Cetc%5Cpasswd",
           "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", app::Sha256Hex(pdf) + "%00",
           app::Sha256Hex(pdf) + "%2F..", "..%00" + app::Sha256Hex(pdf)}) {
    for (const std::string prefix : {"/api/v1/attachments/", "/api/v1/dossiers/1/attachments/"}) {
      auto res = Send("GET", prefix + path, &reception);
      ASSERT_TRUE(res) << prefix << path;
      EXPECT_TRUE(res->status == 404 || res->status == 400) << prefix << path << " " << res->status;
      EXPECT_EQ(res->body.find("root:"), std::string::npos);
    }
  }
  // Paths in place of a component's file: refused by name, nothing written.
  const auto written = Written();
  for (const std::string& path :
       std::vector<std::string>{"../../../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini",
                                app::Sha256Hex(pdf) + "/../../etc/passwd",
                                std::string("../") + app::Sha256Hex(pdf).substr(3)}) {
    json body = Reception();
    body["components"][0]["file_sha256"] = path;
    body["components"][0]["provision"] = "electronic";
    auto res = Send("POST", "/api/v1/dossiers", &reception, body.dump());
    ExpectRefusedNaming(res, "components[0].file_sha256", path);
  }
  EXPECT_EQ(Written(), written);
  EXPECT_EQ(files_in(dir_), before);
}

}  // namespace
}  // namespace motcua::http
