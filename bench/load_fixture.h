// What the HTTP load drivers (dossier_load, load_mix) share: the demo officers' sessions, the
// procedure they process, and a reception's body.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "server_process.h"

namespace motcua::bench {

using json = nlohmann::json;
using testing::Session;

// The demo officers who perform the load procedure's steps, logged in.
struct Sessions {
  Session admin, reception, specialist, division_head, agency_head;
};

// The "Name: value\r\n" lines that authenticate a session's request.
inline std::string AuthHeaders(const Session& who) {
  return "Cookie: " + who.cookie + "\r\nX-CSRF-Token: " + who.csrf + "\r\n";
}

// Imports procedure 9.999901 (a copy of demo procedure 9.900303 with a workflow performed by the
// demo officers of H99.01 and H99.02). Returns "" or why not.
inline std::string ImportLoadProcedure(httplib::Client& http, const Session& admin) {
  // A server already loaded once (a --target run again) has it.
  if (auto known = http.Get("/api/v1/procedures/9.999901", admin.Headers());
      known && known->status == 200) {
    return "";
  }
  auto exported = http.Get("/api/v1/catalog/export?format=json", admin.Headers());
  if (!exported || exported->status != 200) return "catalog export failed";
  json record;
  for (const auto& r : json::parse(exported->body)) {
    if (r["code"] == "9.900303") record = r;
  }
  if (record.is_null()) return "demo procedure 9.900303 not in the catalog";
  record["code"] = "9.999901";
  record["name"] = "Thủ tục đo tải (bản sao của 9.900303)";
  record["level"] = "province";
  record["competent_units"] = {"H99.02"};
  record["receiving_units"] = {"H99.01"};
  record["coordinating_units"] = json::array();
  record["location_independent"] = false;
  auto step = [](const char* id, const char* kind, const char* unit, const char* role, int hours,
                 std::vector<std::string> next) {
    return json{{"id", id},
                {"kind", kind},
                {"name", id},
                {"unit", unit},
                {"role", role},
                {"budget_hours", hours},
                {"counted", true},
                {"next", std::move(next)},
                {"back", json::array()}};
  };
  record["workflows"] =
      json::array({{{"channels", json::array()},
                    {"steps",
                     {step("tiep-nhan", "receive", "H99.01", "reception_officer", 4, {"tham-dinh"}),
                      step("tham-dinh", "appraise", "H99.02.01", "specialist", 32, {"trinh-duyet"}),
                      step("trinh-duyet", "approve", "H99.02.01", "division_head", 8, {"ky"}),
                      step("ky", "sign", "H99.02", "agency_head", 8, {"tra-ket-qua"}),
                      step("tra-ket-qua", "return", "H99.01", "reception_officer", 4, {})}}}});
  auto submitted = http.Post("/api/v1/catalog/imports", admin.Headers(),
                             json::array({record}).dump(), "application/json");
  if (!submitted || submitted->status != 202) {
    return "import: " + (submitted ? submitted->body : std::string("no answer"));
  }
  const std::string location = submitted->get_header_value("Location");
  for (int i = 0; i < 600; ++i) {
    auto job = http.Get(location, admin.Headers());
    if (job && job->status == 200) {
      const json j = json::parse(job->body);
      if (j["state"] == "succeeded") return "";
      if (j["state"] == "failed") return "import failed: " + j.dump();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "import did not finish";
}

// Logs the demo officers in (passwords as `motcua serve --demo` prints them) and imports the load
// procedure. Returns "" or why not.
inline std::string PrepareLoad(httplib::Client& http,
                               const std::map<std::string, std::string>& passwords, Sessions& s) {
  std::string error;
  auto login = [&](const char* user) {
    auto it = passwords.find(user);
    if (it == passwords.end()) {
      error = std::string("no password printed for ") + user;
      return Session{};
    }
    return testing::Login(http, user, it->second, &error);
  };
  s.admin = login("admin");
  if (error.empty()) error = ImportLoadProcedure(http, s.admin);
  if (error.empty()) s.reception = login("tiepnhan");
  if (error.empty()) s.specialist = login("chuyenvien");
  if (error.empty()) s.division_head = login("truongphong");
  if (error.empty()) s.agency_head = login("giamdoc");
  return error;
}

// A counter reception of the load procedure, complete (received at once).
inline std::string ReceptionBody(int client, std::int64_t n) {
  return json{
      {"procedure_code", "9.999901"},
      {"channel", "in-person"},
      {"decision", "receive"},
      {"applicant",
       {{"name", "Nguyễn Văn Tải " + std::to_string(client) + "-" + std::to_string(n)},
        {"id_number", "001190012345"},
        {"address", "Phường Hòa Bình"},
        {"phone", "0912345678"}}},
      {"components",
       {{{"name", "Đơn đăng ký biến động theo Mẫu số 11/ĐK"}, {"provision", "paper-original"}},
        {{"name", "Bản gốc Giấy chứng nhận đã cấp"}, {"provision", "paper-original"}}}}}
      .dump();
}

}  // namespace motcua::bench
