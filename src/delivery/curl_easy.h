#pragma once

// A libcurl easy handle owned by one Send call, and the mapping of libcurl's failures to the
// Sender port's errors (transport failures are worth retrying).

#include <curl/curl.h>

#include <memory>
#include <string>

#include "common/result.h"

namespace motcua::delivery {

// curl_global_init once per process (thread-safe); then a fresh easy handle, or kInternal.
struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
Result<CurlEasy> NewCurlEasy();

struct CurlListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;
// Appends `item` to `list` (which may be empty).
void Append(CurlList& list, const std::string& item);

// kUnavailable for failures of the connection (refused, unresolved, timed out, cut), which the
// next attempt may not meet; kInvalidArgument for anything else (a malformed URL, an unsupported
// protocol). `what` names the sender ("smtp", "webhook").
Error CurlError(const char* what, CURLcode code, const char* detail);

}  // namespace motcua::delivery
