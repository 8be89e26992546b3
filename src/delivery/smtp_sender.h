#pragma once

// E-mail through an SMTP relay, with libcurl: one message per Send, plain text in UTF-8
// (base64 body, RFC 2047 encoded subject), opportunistic STARTTLS when the relay offers it
// (smtps:// for TLS from the start).

#include <string>

#include "app/sender.h"
#include "common/clock.h"
#include "delivery/message_text.h"

namespace motcua::delivery {

struct SmtpOptions {
  std::string url;   // "smtp://host:port" or "smtps://host:port"
  std::string from;  // the sender's address, "motcua@example.gov.vn"
  std::string from_name = "Hệ thống một cửa";
  std::string username;  // empty: no login
  std::string password;
  // Every message goes to this address instead of its recipient: the route of channel "staff",
  // whose recipient is a unit code (app/background.h).
  std::string to_override;
  long timeout_seconds = 30;
};

class SmtpSender final : public app::Sender {
 public:
  // `clock` stamps the Date header; not owned, must outlive the sender.
  SmtpSender(SmtpOptions options, const Clock& clock);
  // Errors: kInvalidArgument for a recipient that is not an address, an unrenderable payload or
  // a 5xx reply of the relay (the address is refused); kUnavailable for a 4xx reply or a
  // connection that failed. Thread-safe (one libcurl handle per call).
  Status Send(const app::OutboxMessage& message) override;

 private:
  const SmtpOptions options_;
  const Clock& clock_;
};

// The whole message as sent after DATA: headers (From, To, Subject, Date, Message-ID,
// MIME-Version, Content-Type, Content-Transfer-Encoding), a blank line and the base64 body in
// lines of 76 characters, every line ending in CRLF.
std::string FormatEmail(const SmtpOptions& options, const std::string& to, const MessageText& text,
                        const std::string& message_id, Instant now);

// RFC 2047 "=?UTF-8?B?...?=" words for a header value, each encoded word at most 75 characters
// and never splitting a UTF-8 character; ASCII text without specials is returned as is.
std::string EncodeHeaderWord(const std::string& text);

std::string Base64(std::string_view bytes);

}  // namespace motcua::delivery
