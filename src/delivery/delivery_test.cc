// The delivery adapters against local fake servers: a tiny SMTP server on a TCP socket (enough
// of RFC 5321 for libcurl) and a webhook endpoint (httplib). What arrives is decoded and checked
// whole, Vietnamese marks included; failures are classified as worth retrying or not.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "delivery/message_text.h"
#include "delivery/smtp_sender.h"
#include "delivery/webhook_sender.h"

namespace motcua::delivery {
namespace {

constexpr Instant kNow = 1'772'420'400;  // 2026-03-02 10:00 Vietnam

std::string Base64Decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  std::uint32_t bits = 0;
  int n = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;  // '=', line breaks
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    n += 6;
    if (n >= 8) {
      n -= 8;
      out += static_cast<char>((bits >> n) & 0xff);
    }
  }
  return out;
}

// The text of a header value made of RFC 2047 words (folded lines included).
std::string DecodeWords(const std::string& value) {
  std::string out;
  std::size_t at = 0;
  while ((at = value.find("=?UTF-8?B?", at)) != std::string::npos) {
    const std::size_t start = at + 10;
    const std::size_t end = value.find("?=", start);
    out += Base64Decode(value.substr(start, end - start));
    at = end + 2;
  }
  return out;
}

struct Mail {
  std::string from;
  std::vector<std::string> rcpt;
  std::string data;
};

// Speaks just enough SMTP for libcurl: 220, EHLO/HELO, MAIL, RCPT (answered `rcpt_reply`),
// DATA 354 ... "." (answered 250), QUIT. One connection at a time, on 127.0.0.1.
class FakeSmtpServer {
 public:
  explicit FakeSmtpServer(int rcpt_reply = 250) : rcpt_reply_(rcpt_reply) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(listener_, 4), 0);
    socklen_t len = sizeof addr;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakeSmtpServer() {
    stop_ = true;
    thread_.join();
    close(listener_);
  }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::vector<Mail> mails() {
    std::lock_guard lock(mu_);
    return mails_;
  }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int conn = accept(listener_, nullptr, nullptr);
      if (conn >= 0) Converse(conn);
    }
  }
  static void Say(int conn, const std::string& line) {
    (void)!write(conn, line.data(), line.size());
  }
  // The next line without its CRLF; false when the client went away.
  static bool ReadLine(int conn, std::string& buffer, std::string& line) {
    for (;;) {
      const auto end = buffer.find("\r\n");
      if (end != std::string::npos) {
        line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      char chunk[4096];
      const ssize_t n = read(conn, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
  void Converse(int conn) {
    Mail mail;
    std::string buffer, line;
    Say(conn, "220 fake.example.vn ESMTP\r\n");
    while (ReadLine(conn, buffer, line)) {
      const std::string verb = line.substr(0, 4);
      if (verb == "EHLO") {
        Say(conn, "250-fake.example.vn\r\n250 8BITMIME\r\n");
      } else if (verb == "HELO" || verb == "RSET" || verb == "NOOP") {
        Say(conn, "250 OK\r\n");
      } else if (verb == "MAIL") {
        mail.from = line.substr(line.find(':') + 1);
        Say(conn, "250 OK\r\n");
      } else if (verb == "RCPT") {
        mail.rcpt.push_back(line.substr(line.find(':') + 1));
        Say(conn, std::to_string(rcpt_reply_) + (rcpt_reply_ == 250 ? " OK\r\n" : " No\r\n"));
      } else if (verb == "DATA") {
        Say(conn, "354 End data with <CR><LF>.<CR><LF>\r\n");
        while (ReadLine(conn, buffer, line) && line != ".") mail.data += line + "\r\n";
        {
          std::lock_guard lock(mu_);
          mails_.push_back(mail);
        }
        Say(conn, "250 OK queued\r\n");
      } else if (verb == "QUIT") {
        Say(conn, "221 Bye\r\n");
        break;
      } else {
        Say(conn, "502 Not implemented\r\n");
      }
    }
    close(conn);
  }

  int rcpt_reply_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::vector<Mail> mails_;
};

// A port nothing listens on.
int ClosedPort() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  close(s);
  return ntohs(addr.sin_port);
}

app::OutboxMessage Message(std::string kind, std::string channel, std::string recipient,
                           std::string payload) {
  app::OutboxMessage m;
  m.id = 42;
  m.dossier_id = 7;
  m.kind = std::move(kind);
  m.channel = std::move(channel);
  m.recipient = std::move(recipient);
  m.payload = std::move(payload);
  m.created_at = kNow;
  m.next_attempt_at = kNow;
  return m;
}

app::OutboxMessage Supplement() {
  return Message("supplement", "email", "huong@example.vn",
                 R"({"code":"H99.01-260302-0001","kind":"supplement"})");
}

// The header `name`'s value with folded lines joined, and the decoded body.
std::string Header(const std::string& data, const std::string& name) {
  const auto at = data.find(name + ": ");
  if (at == std::string::npos) return {};
  std::string value;
  std::size_t i = at + name.size() + 2;
  for (;;) {
    const auto end = data.find("\r\n", i);
    value += data.substr(i, end - i);
    if (data[end + 2] != ' ' && data[end + 2] != '\t') break;
    i = end + 2;
  }
  return value;
}
std::string Body(const std::string& data) {
  return Base64Decode(data.substr(data.find("\r\n\r\n") + 4));
}

SmtpOptions Smtp(const std::string& url) {
  SmtpOptions o;
  o.url = url;
  o.from = "motcua@sonha.gov.vn";
  o.timeout_seconds = 5;
  return o;
}

TEST(SmtpSenderTest, SendsAVietnameseMailThatDecodesIntact) {
  FakeSmtpServer server;
  FakeClock clock(kNow);
  SmtpSender sender(Smtp(server.url()), clock);
  Status sent = sender.Send(Supplement());
  ASSERT_TRUE(sent.ok()) << ToString(sent.error());
  auto mails = server.mails();
  ASSERT_EQ(mails.size(), 1u);
  const Mail& m = mails[0];
  EXPECT_EQ(m.from, "<motcua@sonha.gov.vn>");
  EXPECT_EQ(m.rcpt, std::vector<std::string>{"<huong@example.vn>"});
  EXPECT_EQ(DecodeWords(Header(m.data, "Subject")),
            "Hồ sơ H99.01-260302-0001 cần bổ sung, hoàn thiện");
  EXPECT_EQ(DecodeWords(Header(m.data, "From")), "Hệ thống một cửa");
  EXPECT_NE(Header(m.data, "From").find("<motcua@sonha.gov.vn>"), std::string::npos);
  EXPECT_EQ(Header(m.data, "To"), "<huong@example.vn>");
  EXPECT_EQ(Header(m.data, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(Header(m.data, "Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(Header(m.data, "MIME-Version"), "1.0");
  EXPECT_EQ(Header(m.data, "Date"), "Mon, 02 Mar 2026 03:00:00 +0000");
  EXPECT_EQ(Header(m.data, "Message-ID"), "<outbox-42@sonha.gov.vn>");
  const std::string body = Body(m.data);
  EXPECT_EQ(body.rfind("Hồ sơ H99.01-260302-0001 của ông/bà cần bổ sung, hoàn thiện", 0), 0u)
      << body;
  EXPECT_NE(body.find("\r\n\r\nThư này được gửi tự động"), std::string::npos);
}

TEST(SmtpSenderTest, StaffAlertsGoToTheServiceCenterAddressWithTheDueInstant) {
  FakeSmtpServer server;
  FakeClock clock(kNow);
  SmtpOptions o = Smtp(server.url());
  o.to_override = "tiepnhan@sonha.gov.vn";
  SmtpSender sender(o, clock);
  auto alert = Message(
      "intake-alert", "staff", "H99.01",
      R"({"code":"H99.01-260302-0002","kind":"intake-alert","unit":"H99.01","due":1772442000})");
  ASSERT_TRUE(sender.Send(alert).ok());
  auto mails = server.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].rcpt, std::vector<std::string>{"<tiepnhan@sonha.gov.vn>"});
  EXPECT_EQ(DecodeWords(Header(mails[0].data, "Subject")),
            "Cảnh báo: hồ sơ trực tuyến H99.01-260302-0002 chưa được kiểm tra");
  const std::string body = Body(mails[0].data);
  EXPECT_NE(body.find("Đơn vị: H99.01."), std::string::npos) << body;
  EXPECT_NE(body.find("Hạn: 16:00 ngày 02/03/2026."), std::string::npos) << body;
}

TEST(SmtpSenderTest, ARefusedAddressIsFinalAndABusyRelayIsRetried) {
  FakeClock clock(kNow);
  {
    FakeSmtpServer refusing(550);
    Status s = SmtpSender(Smtp(refusing.url()), clock).Send(Supplement());
    ASSERT_FALSE(s.ok());
    EXPECT_FALSE(app::IsRetryable(s.error())) << ToString(s.error());
    EXPECT_TRUE(refusing.mails().empty());
  }
  {
    FakeSmtpServer busy(451);
    Status s = SmtpSender(Smtp(busy.url()), clock).Send(Supplement());
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(app::IsRetryable(s.error())) << ToString(s.error());
  }
  Status refused = SmtpSender(Smtp("smtp://127.0.0.1:" + std::to_string(ClosedPort())), clock)
                       .Send(Supplement());
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(app::IsRetryable(refused.error())) << ToString(refused.error());
  // Not an address: no connection is even tried, and retrying will not help.
  auto bad = Supplement();
  bad.recipient = "huong@example.vn\r\nBcc: x@y.vn";
  Status rejected = SmtpSender(Smtp("smtp://127.0.0.1:1"), clock).Send(bad);
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().code, ErrorCode::kInvalidArgument);
}

TEST(SmtpSenderTest, EncodedWordsStayShortAndNeverSplitACharacter) {
  const std::string subject =
      "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ H99.01-260302-0001 của ông Nguyễn Văn Đức";
  const std::string encoded = EncodeHeaderWord(subject);
  std::size_t start = 0;
  std::string joined;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n ", start);
    if (end == std::string::npos) end = encoded.size();
    const std::string word = encoded.substr(start, end - start);
    EXPECT_LE(word.size(), 75u);
    const std::string text = DecodeWords(word);
    // Each word decodes to whole characters: its last byte is not a lead or continuation of an
    // unfinished sequence.
    ASSERT_FALSE(text.empty());
    const unsigned char last = static_cast<unsigned char>(text.back());
    EXPECT_TRUE(last < 0x80 || (last & 0xC0) == 0x80) << word;
    joined += text;
    start = end + 3;
  }
  EXPECT_EQ(joined, subject);
  EXPECT_EQ(EncodeHeaderWord("plain ASCII"), "plain ASCII");
  EXPECT_EQ(Base64("Mã"), "TcOj");
}

// A webhook endpoint on a free local port; answers `status`.
class FakeWebhook {
 public:
  explicit FakeWebhook(int status) {
    server_.Post("/send", [this, status](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      bodies_.push_back(req.body);
      keys_.push_back(req.get_header_value("Idempotency-Key"));
      auth_.push_back(req.get_header_value("Authorization"));
      res.status = status;
      res.set_content("{}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FakeWebhook() {
    // stop() does nothing before the accept loop runs: wait for it.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/send"; }
  std::vector<std::string> bodies() {
    std::lock_guard lock(mu_);
    return bodies_;
  }
  std::vector<std::string> keys_, auth_;

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> bodies_;
};

TEST(WebhookSenderTest, PostsTheMessageAsJsonWithItsText) {
  FakeWebhook hook(200);
  WebhookSender sender({hook.url(), "token-123", 5});
  auto sms = Message("result-ready", "webhook", "0912345678",
                     R"({"code":"H99.01-260302-0001","kind":"result-ready"})");
  Status sent = sender.Send(sms);
  ASSERT_TRUE(sent.ok()) << ToString(sent.error());
  auto bodies = hook.bodies();
  ASSERT_EQ(bodies.size(), 1u);
  const auto json = nlohmann::json::parse(bodies[0]);
  EXPECT_EQ(json["id"], 42);
  EXPECT_EQ(json["dossier_id"], 7);
  EXPECT_EQ(json["kind"], "result-ready");
  EXPECT_EQ(json["recipient"], "0912345678");
  EXPECT_EQ(json["code"], "H99.01-260302-0001");
  EXPECT_EQ(json["subject"], "Đã có kết quả giải quyết hồ sơ H99.01-260302-0001");
  EXPECT_EQ(json["text"].get<std::string>().rfind(
                "Hồ sơ H99.01-260302-0001 của ông/bà đã có kết quả.", 0),
            0u);
  EXPECT_EQ(json["payload"]["kind"], "result-ready");
  EXPECT_EQ(hook.keys_, std::vector<std::string>{"motcua-outbox-42"});
  EXPECT_EQ(hook.auth_, std::vector<std::string>{"Bearer token-123"});
}

TEST(WebhookSenderTest, ServerErrorsAndRefusedConnectionsAreRetriedRejectionsAreNot) {
  auto sms = Message("received", "webhook", "0912345678", R"({"code":"H99.01-260302-0001"})");
  {
    FakeWebhook down(503);
    Status s = WebhookSender({down.url(), "", 5}).Send(sms);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(app::IsRetryable(s.error())) << ToString(s.error());
  }
  {
    FakeWebhook rejecting(400);
    Status s = WebhookSender({rejecting.url(), "", 5}).Send(sms);
    ASSERT_FALSE(s.ok());
    EXPECT_FALSE(app::IsRetryable(s.error())) << ToString(s.error());
  }
  Status refused =
      WebhookSender({"http://127.0.0.1:" + std::to_string(ClosedPort()) + "/send", "", 5})
          .Send(sms);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(app::IsRetryable(refused.error())) << ToString(refused.error());
  // A payload without a dossier code cannot be rendered: final.
  Status broken = WebhookSender({"http://127.0.0.1:1/", "", 5})
                      .Send(Message("received", "webhook", "0912345678", "not json"));
  ASSERT_FALSE(broken.ok());
  EXPECT_FALSE(app::IsRetryable(broken.error()));
}

TEST(MessageTextTest, EveryKindHasItsWordingAndUnknownKindsAGenericOne) {
  for (const char* kind : {"received", "supplement", "refused", "result-ready", "apology",
                           "stopped", "intake-alert", "late-warning"}) {
    auto text = ComposeText(Message(kind, "email", "a@b.vn", R"({"code":"X-1"})"));
    ASSERT_TRUE(text.ok());
    EXPECT_NE(text->subject.find("X-1"), std::string::npos) << kind;
    EXPECT_NE(text->subject.rfind("Thông báo về hồ sơ", 0), 0u) << kind;
  }
  auto other = ComposeText(Message("portal-sync", "email", "a@b.vn", R"({"code":"X-1"})"));
  EXPECT_EQ(other->subject, "Thông báo về hồ sơ X-1");
  EXPECT_EQ(FormatVietnamese(1772442000), "16:00 ngày 02/03/2026");
}

}  // namespace
}  // namespace motcua::delivery
