#pragma once

// The flags of `motcua serve` for background work and notification delivery
// (docs/notifications.md), and the senders they configure.
//
//   --smtp-url smtp://host:port      e-mail relay (smtps:// for TLS; STARTTLS when offered)
//   --smtp-from ADDRESS              required with --smtp-url
//   --smtp-user NAME                 relay login; the password comes from $MOTCUA_SMTP_PASSWORD
//   --webhook-url URL                SMS/Zalo gateway for applicants without e-mail;
//                                    bearer token from $MOTCUA_WEBHOOK_TOKEN
//   --service-center-email ADDRESS   where alerts to units go (needs --smtp-url), or
//   --service-center-webhook URL     the same as a webhook
//   --background-interval SECONDS    between rounds (default 30)
//   --server-id ID                   this server's name in leases and claims (hostname-pid)

#include <memory>
#include <set>
#include <string>

#include "app/background.h"
#include "common/clock.h"
#include "main/args.h"

namespace motcua::main {

// The option names above, for Args::Parse.
const std::set<std::string>& BackgroundFlagNames();

// The worker's options with senders by channel, which this object owns.
struct BackgroundSetup {
  app::BackgroundOptions options;
  std::vector<std::unique_ptr<app::Sender>> owned;
  std::string summary;  // "email, webhook" or "none": for the start-up log line
};

// kInvalidArgument naming the flag for a malformed URL or address, or a missing companion flag.
Result<std::unique_ptr<BackgroundSetup>> ConfigureBackground(const Args& args, const Clock& clock);

}  // namespace motcua::main
