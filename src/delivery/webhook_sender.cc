#include "delivery/webhook_sender.h"

#include <nlohmann/json.hpp>

#include "delivery/curl_easy.h"
#include "delivery/message_text.h"

namespace motcua::delivery {
namespace {

std::size_t Discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

}  // namespace

Result<std::string> WebhookBody(const app::OutboxMessage& m) {
  MOTCUA_ASSIGN_OR_RETURN(MessageText text, ComposeText(m));
  nlohmann::json payload = nlohmann::json::parse(m.payload);  // ComposeText checked it
  nlohmann::json body = {{"id", m.id},
                         {"dossier_id", m.dossier_id},
                         {"kind", m.kind},
                         {"channel", m.channel},
                         {"recipient", m.recipient},
                         {"code", payload["code"]},
                         {"subject", text.subject},
                         {"text", text.body},
                         {"payload", payload}};
  return body.dump();
}

WebhookSender::WebhookSender(WebhookOptions options) : options_(std::move(options)) {}

Status WebhookSender::Send(const app::OutboxMessage& message) {
  MOTCUA_ASSIGN_OR_RETURN(std::string body, WebhookBody(message));
  MOTCUA_ASSIGN_OR_RETURN(CurlEasy curl, NewCurlEasy());
  CURL* h = curl.get();
  CurlList headers;
  Append(headers, "Content-Type: application/json; charset=utf-8");
  Append(headers, "Idempotency-Key: motcua-outbox-" + std::to_string(message.id));
  if (!options_.bearer_token.empty()) {
    Append(headers, "Authorization: Bearer " + options_.bearer_token);
  }
  char detail[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Discard);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, std::min(10L, options_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) return CurlError("webhook", code, detail);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) return Ok();
  const std::string why = "webhook: the gateway answered HTTP " + std::to_string(status);
  if (status >= 500 || status == 408 || status == 429) return Error::Unavailable(why);
  return Error::InvalidArgument(why);
}

}  // namespace motcua::delivery
