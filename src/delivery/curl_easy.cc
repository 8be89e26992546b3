#include "delivery/curl_easy.h"

#include <mutex>

namespace motcua::delivery {

Result<CurlEasy> NewCurlEasy() {
  static std::once_flag once;
  static CURLcode global = CURLE_OK;
  std::call_once(once, [] { global = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (global != CURLE_OK) return Error::Internal("curl_global_init failed");
  CurlEasy handle(curl_easy_init());
  if (!handle) return Error::Internal("curl_easy_init failed");
  return handle;
}

void Append(CurlList& list, const std::string& item) {
  curl_slist* grown = curl_slist_append(list.get(), item.c_str());
  if (grown != nullptr) {
    (void)list.release();
    list.reset(grown);
  }
}

Error CurlError(const char* what, CURLcode code, const char* detail) {
  std::string message = std::string(what) + ": " + curl_easy_strerror(code);
  if (detail != nullptr && *detail != '\0') message += " (" + std::string(detail) + ")";
  switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_AGAIN: return Error::Unavailable(std::move(message));
    default: return Error::InvalidArgument(std::move(message));
  }
}

}  // namespace motcua::delivery
