#pragma once

// Clients that keep sending counter receptions to a server under test while something goes wrong
// with it (the database goes away, the disk fills up), each reception with its own
// Idempotency-Key, and a key not answered 201 sent again until it is, as a real client would. What
// they saw is kept for the test to check: which keys were acknowledged with which dossier, and
// the answers by status.

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "server_process.h"

namespace motcua::testing {

// A counter reception of the demo province's procedure 9.900303 with both components brought.
inline std::string CounterReceptionBody(const std::string& applicant_name) {
  return nlohmann::json{
      {"procedure_code", "9.900303"},
      {"channel", "in-person"},
      {"decision", "receive"},
      {"applicant",
       {{"name", applicant_name}, {"id_number", "001190012345"}, {"address", "Phường Hòa Bình"}}},
      {"components",
       {{{"name", "Đơn đăng ký biến động theo Mẫu số 11/ĐK"}, {"provision", "paper-original"}},
        {{"name", "Bản gốc Giấy chứng nhận đã cấp"}, {"provision", "paper-original"}}}}}
      .dump();
}

// What the clients saw.
struct ReceptionsSeen {
  std::mutex mu;
  std::map<std::string, std::int64_t> acknowledged;  // key -> dossier id (201)
  std::map<int, int> statuses;                       // status -> count (0: no answer)
  std::string a_503;                                 // the first 503's content type and body
  std::vector<std::string> unexpected;               // answers other than 201 and 503, verbatim

  std::size_t Acknowledged() {
    std::lock_guard lock(mu);
    return acknowledged.size();
  }
  int Count(int status) {
    std::lock_guard lock(mu);
    return statuses[status];
  }
};

// Client `c`: receptions keyed "<prefix>-<c>-<n>" until `stop` is set and its last key was
// acknowledged, a few a second (the tests are about a fault, not the rate): `pause` after a
// 201, longer after anything else.
inline void SendReceptions(int port, const Session& officer, const std::string& prefix, int c,
                           const std::string& applicant_name, const std::atomic<bool>& stop,
                           ReceptionsSeen& seen,
                           std::chrono::milliseconds pause = std::chrono::milliseconds(20)) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(std::chrono::seconds(2));
  client.set_read_timeout(std::chrono::seconds(30));
  std::string pending;
  for (int n = 0; (!stop || !pending.empty()) && n < 100000; ++n) {
    const std::string key =
        pending.empty() ? prefix + "-" + std::to_string(c) + "-" + std::to_string(n) : pending;
    httplib::Headers h = officer.Headers();
    h.insert({"Idempotency-Key", key});
    auto res = client.Post("/api/v1/dossiers", h, CounterReceptionBody(applicant_name + " " + key),
                           "application/json");
    const int status = res ? res->status : 0;
    {
      std::lock_guard lock(seen.mu);
      ++seen.statuses[status];
      if (status == 201) {
        seen.acknowledged[key] = nlohmann::json::parse(res->body)["id"].get<std::int64_t>();
        pending.clear();
      } else {
        pending = key;
        if (status == 503 && seen.a_503.empty()) {
          seen.a_503 = res->get_header_value("Content-Type") + " " + res->body;
        }
        if (status != 503 && status != 0 && seen.unexpected.size() < 5) {
          seen.unexpected.push_back(std::to_string(status) + " " + res->body.substr(0, 300));
        }
      }
    }
    std::this_thread::sleep_for(status == 201 ? pause : std::chrono::milliseconds(50));
  }
}

// Every reception acknowledged 201 exists with its events, and its key sent once more gives the
// same dossier and creates nothing; no two keys were answered with one dossier.
inline void ExpectEveryAcknowledgedReceptionOnce(httplib::Client& http, const Session& officer,
                                                 ReceptionsSeen& seen,
                                                 const std::string& applicant_name) {
  std::lock_guard lock(seen.mu);
  std::set<std::int64_t> ids;
  for (const auto& [key, id] : seen.acknowledged) {
    ids.insert(id);
    auto got = http.Get("/api/v1/dossiers/" + std::to_string(id), officer.Headers());
    ASSERT_TRUE(got);
    ASSERT_EQ(got->status, 200) << key << ": " << got->body;
    EXPECT_FALSE(nlohmann::json::parse(got->body)["events"].empty()) << key;
    httplib::Headers h = officer.Headers();
    h.insert({"Idempotency-Key", key});
    auto again = http.Post("/api/v1/dossiers", h, CounterReceptionBody(applicant_name + " " + key),
                           "application/json");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 201) << key << ": " << again->body;
    EXPECT_EQ(nlohmann::json::parse(again->body)["id"], id) << key;
  }
  EXPECT_EQ(ids.size(), seen.acknowledged.size()) << "two keys answered with one dossier";
}

}  // namespace motcua::testing
