#include "main/background_flags.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "delivery/smtp_sender.h"
#include "delivery/webhook_sender.h"

namespace motcua::main {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

Status CheckUrl(const std::string& flag, const std::string& url,
                std::initializer_list<const char*> schemes) {
  for (const char* scheme : schemes) {
    if (StartsWith(url, scheme) && url.size() > std::string(scheme).size()) return Ok();
  }
  std::string names;
  for (const char* scheme : schemes) names += (names.empty() ? "" : " or ") + std::string(scheme);
  return Error::InvalidField(flag, "must start with " + names);
}

Status CheckAddress(const std::string& flag, const std::string& address) {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == address.size() ||
      address.find_first_of(" <>\r\n,;") != std::string::npos) {
    return Error::InvalidField(flag, "must be an e-mail address");
  }
  return Ok();
}

std::string DefaultServerId() {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(getpid());
}

}  // namespace

const std::set<std::string>& BackgroundFlagNames() {
  static const std::set<std::string> names = {"smtp-url",
                                              "smtp-from",
                                              "smtp-user",
                                              "webhook-url",
                                              "service-center-email",
                                              "service-center-webhook",
                                              "background-interval",
                                              "server-id"};
  return names;
}

Result<std::unique_ptr<BackgroundSetup>> ConfigureBackground(const Args& args, const Clock& clock) {
  auto setup = std::make_unique<BackgroundSetup>();
  app::BackgroundOptions& o = setup->options;
  o.server_id = args.Get("server-id", DefaultServerId());
  if (o.server_id.empty() || o.server_id.size() > 200) {
    return Error::InvalidField("--server-id", "must have 1 to 200 characters");
  }
  MOTCUA_ASSIGN_OR_RETURN(int interval, args.Int("background-interval", 30, 1, 3600));
  o.interval = std::chrono::seconds(interval);
  o.lease_seconds = std::max<std::int64_t>(90, 3 * interval);

  auto add = [&](const std::string& channel, std::unique_ptr<app::Sender> sender) {
    o.senders[channel] = sender.get();
    setup->owned.push_back(std::move(sender));
    setup->summary += (setup->summary.empty() ? "" : ", ") + channel;
  };
  delivery::SmtpOptions smtp;
  if (auto url = args.Get("smtp-url")) {
    MOTCUA_RETURN_IF_ERROR(CheckUrl("--smtp-url", *url, {"smtp://", "smtps://"}));
    auto from = args.Get("smtp-from");
    if (!from) return Error::InvalidField("--smtp-from", "is required with --smtp-url");
    MOTCUA_RETURN_IF_ERROR(CheckAddress("--smtp-from", *from));
    smtp.url = *url;
    smtp.from = *from;
    smtp.username = args.Get("smtp-user", "");
    smtp.password = Env("MOTCUA_SMTP_PASSWORD");
    add("email", std::make_unique<delivery::SmtpSender>(smtp, clock));
  } else if (args.Get("smtp-from")) {
    return Error::InvalidField("--smtp-from", "needs --smtp-url");
  }
  if (auto url = args.Get("webhook-url")) {
    MOTCUA_RETURN_IF_ERROR(CheckUrl("--webhook-url", *url, {"http://", "https://"}));
    add("webhook", std::make_unique<delivery::WebhookSender>(
                       delivery::WebhookOptions{*url, Env("MOTCUA_WEBHOOK_TOKEN"), 15}));
  }
  // Alerts to units (channel "staff"): one service-center route for every unit until units carry
  // their own contact; the outbox row names the unit.
  const auto center_email = args.Get("service-center-email");
  const auto center_webhook = args.Get("service-center-webhook");
  if (center_email && center_webhook) {
    return Error::InvalidField("--service-center-webhook",
                               "give either --service-center-email or --service-center-webhook");
  }
  if (center_email) {
    MOTCUA_RETURN_IF_ERROR(CheckAddress("--service-center-email", *center_email));
    if (smtp.url.empty()) {
      return Error::InvalidField("--service-center-email", "needs --smtp-url");
    }
    delivery::SmtpOptions staff = smtp;
    staff.to_override = *center_email;
    add("staff", std::make_unique<delivery::SmtpSender>(staff, clock));
  } else if (center_webhook) {
    MOTCUA_RETURN_IF_ERROR(
        CheckUrl("--service-center-webhook", *center_webhook, {"http://", "https://"}));
    add("staff", std::make_unique<delivery::WebhookSender>(
                     delivery::WebhookOptions{*center_webhook, Env("MOTCUA_WEBHOOK_TOKEN"), 15}));
  }
  if (setup->summary.empty()) setup->summary = "none";
  return setup;
}

}  // namespace motcua::main
