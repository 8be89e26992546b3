// The web UI's files served by the API server: files with their type and caching, index.html for
// the app's own routes, 404 for the API's unknown endpoints and missing files, and nothing from
// outside the web root whatever the path says.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>

#include "http/testing/api_fixture.h"

namespace motcua::http {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

class WebRoutesTest : public testing::ApiFixture {
 protected:
  WebRoutesTest() : ApiFixture(1'770'000'000) {}

  void SetUp() override {
    Prepare();
    root_ = dir_ / "site" / "dist";
    Write(root_ / "index.html", "<!doctype html><title>Một cửa</title>");
    Write(root_ / "assets" / "index-4f2a9c.js", "console.log('app')");
    Write(root_ / "assets" / "index-4f2a9c.css", "body{}");
    Write(root_ / "favicon.svg", "<svg/>");
    Write(dir_ / "site" / "secret.txt", "outside the web root");
    Write(dir_ / "secret.txt", "outside the web root");
    fs::create_symlink(dir_ / "secret.txt", root_ / "link.txt");

    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<ApiServer>(options,
                                          ServerDeps{*identity_, *audit_, clock_, *log_, metrics_});
    services_ =
        std::make_unique<Services>(Services{*store_, *identity_, *audit_, metrics_, false,
                                            calendars_.get(), catalog_.get(), dossiers_.get()});
    services_->web_root = root_.string();
    AddAllRoutes(*server_, *services_);
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }

  // A request line sent as is: httplib's client would normalise some of these paths.
  std::string Raw(const std::string& target) {
    httplib::Client c("127.0.0.1", server_->port());
    httplib::Request req;
    req.method = "GET";
    req.path = target;
    auto res = c.send(req);
    return res ? std::to_string(res->status) + " " + res->body : "no answer";
  }

  fs::path root_;
};

TEST_F(WebRoutesTest, IndexForTheRootAndForTheAppsRoutes) {
  for (const char* path : {"/", "/tra-cuu", "/ho-so/12", "/thu-tuc/1.001193?tab=fees",
                           "/tra-cuu?ma=H99.01-260302-0001&k=abc"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->body, "<!doctype html><title>Một cửa</title>") << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache") << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
  }
}

TEST_F(WebRoutesTest, HashedAssetsAreImmutableWithTheirType) {
  auto js = client_->Get("/assets/index-4f2a9c.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('app')");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  auto css = client_->Get("/assets/index-4f2a9c.css");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto svg = client_->Get("/favicon.svg");
  EXPECT_EQ(svg->status, 200);
  EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_EQ(svg->get_header_value("Cache-Control"), "no-cache");
}

TEST_F(WebRoutesTest, MissingFilesAndApiPathsAreProblems) {
  for (const char* path :
       {"/assets/gone-1234.js", "/api/v1/no-such-thing", "/api", "/metrics/x", "/healthz/extra"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json") << path;
  }
  // The API itself still answers.
  EXPECT_EQ(client_->Get("/healthz")->status, 200);
  EXPECT_EQ(client_->Get("/api/v1/procedures?q=ket%20hon")->status, 200);
  // A write to an app route is no endpoint.
  EXPECT_EQ(client_->Post("/tra-cuu", "{}", "application/json")->status, 404);
}

TEST_F(WebRoutesTest, NothingOutsideTheWebRoot) {
  for (const char* target :
       {"/../secret.txt", "/../../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/..%5c..%5csecret.txt", "/link.txt", "/./index.html", "/.%2e/secret.txt",
        "/secret.txt%00.html"}) {
    const std::string answer = Raw(target);
    EXPECT_EQ(answer.find("outside the web root"), std::string::npos) << target << ": " << answer;
    EXPECT_EQ(answer.rfind("404 ", 0), 0u) << target << ": " << answer;
  }
}

}  // namespace
}  // namespace motcua::http
