#include "delivery/smtp_sender.h"

#include <algorithm>
#include <cstring>
#include <ctime>

#include "delivery/curl_easy.h"
#include "dossier/dossier.h"

namespace motcua::delivery {
namespace {

// RFC 5322 date in UTC: "Mon, 02 Mar 2026 03:00:00 +0000".
std::string Rfc5322Date(Instant now) {
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return out;
}

// What libcurl reads after DATA.
struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

}  // namespace

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 0x3f] : '=';
    }
  }
  return out;
}

std::string EncodeHeaderWord(const std::string& text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= ' ' && c < 0x7f && c != '=' && c != '?';
  });
  if (plain) return text;
  // 45 bytes of text make 60 base64 characters: with "=?UTF-8?B?" and "?=", 72 < 75.
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + 45);
    // Never split a character: back off over continuation bytes (10xxxxxx).
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(std::string_view(text).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string FormatEmail(const SmtpOptions& options, const std::string& to, const MessageText& text,
                        const std::string& message_id, Instant now) {
  std::string body = text.body;
  // Lines end in CRLF on the wire.
  std::string crlf;
  for (char c : body) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const std::string encoded = Base64(crlf);
  std::string out;
  out += "From: " + EncodeHeaderWord(options.from_name) + " <" + options.from + ">\r\n";
  out += "To: <" + to + ">\r\n";
  out += "Subject: " + EncodeHeaderWord(text.subject) + "\r\n";
  out += "Date: " + Rfc5322Date(now) + "\r\n";
  out += "Message-ID: <" + message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

SmtpSender::SmtpSender(SmtpOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {}

Status SmtpSender::Send(const app::OutboxMessage& message) {
  const std::string to = options_.to_override.empty() ? message.recipient : options_.to_override;
  if (!dossier::IsEmailAddress(to)) {
    return Error::InvalidArgument("smtp: \"" + to + "\" is not an e-mail address");
  }
  MOTCUA_ASSIGN_OR_RETURN(MessageText text, ComposeText(message));
  const std::string domain = options_.from.substr(options_.from.find('@') + 1);
  const std::string mail = FormatEmail(
      options_, to, text, "outbox-" + std::to_string(message.id) + "@" + domain, clock_.Now());
  MOTCUA_ASSIGN_OR_RETURN(CurlEasy curl, NewCurlEasy());
  CURL* h = curl.get();
  CurlList rcpt;
  Append(rcpt, "<" + to + ">");
  Upload upload{&mail};
  char detail[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, ("<" + options_.from + ">").c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, std::min(10L, options_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  if (!options_.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, options_.password.c_str());
  }
  const CURLcode code = curl_easy_perform(h);
  if (code == CURLE_OK) return Ok();
  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  const std::string why = "smtp: the relay answered " + std::to_string(reply) + " (" + detail + ")";
  if (reply >= 500 && reply < 600) return Error::InvalidArgument(why);
  if (reply >= 400 && reply < 500) return Error::Unavailable(why);
  return CurlError("smtp", code, detail);
}

}  // namespace motcua::delivery
