// The web UI (web/, built to web/dist) served from the same origin as the API.
//
// Every GET that no API route matched lands here. A path that names a file under the web root is
// that file; a missing file under assets/ or with the extension of a type served (.js, .css,
// .png, ...) is 404; any other path is a client-side route of the single-page app and gets
// index.html. Paths of the API and of operations (/api, /healthz, /readyz,
// /metrics) are never answered with the app, so a mistyped endpoint stays a problem+json 404.
//
// Caching: Vite names everything under assets/ by its content hash, so those files never change
// (immutable, one year); index.html and the other files are revalidated on every load (no-cache).
#include <httplib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/routes.h"

namespace motcua::http {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".pdf", "application/pdf"},
}};

// The app's own scripts and styles only; styles may be inline (Vue's style bindings), nothing
// runs from elsewhere and no other site may frame the pages.
constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

std::string_view ContentType(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  for (const auto& [suffix, type] : kContentTypes) {
    if (ext == suffix) return type;
  }
  return "application/octet-stream";
}

bool IsServedType(const fs::path& file) { return ContentType(file) != "application/octet-stream"; }

bool StartsWithSegment(std::string_view path, std::string_view prefix) {
  return path.rfind(prefix, 0) == 0 && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

// The API and operations paths, which the app never answers.
bool IsReserved(std::string_view path) {
  return StartsWithSegment(path, "/api") || StartsWithSegment(path, "/healthz") ||
         StartsWithSegment(path, "/readyz") || StartsWithSegment(path, "/metrics");
}

// The decoded URL path split into plain segments, or nullopt when a segment could leave the web
// root or is not a plain name ("..", ".", backslashes, NUL, a leading dot).
std::optional<std::vector<std::string>> SafeSegments(const std::string& path) {
  std::vector<std::string> segments;
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(pos, end - pos);
    pos = end + 1;
    if (segment.empty()) continue;
    if (segment.front() == '.' || segment.find('\\') != std::string::npos ||
        segment.find('\0') != std::string::npos || segment.find(':') != std::string::npos) {
      return std::nullopt;
    }
    segments.push_back(std::move(segment));
  }
  return segments;
}

Result<std::string> ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error::Unavailable("cannot read " + file.filename().string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Reply FileReply(std::string body, const fs::path& file, bool immutable) {
  Reply reply{200, std::move(body), std::string(ContentType(file)), {}};
  reply.headers.push_back(
      {"Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache"});
  reply.headers.push_back({"X-Content-Type-Options", "nosniff"});
  reply.headers.push_back({"X-Frame-Options", "DENY"});
  // Lookup links carry the dossier's secret in the query: never send them on as a referrer.
  reply.headers.push_back({"Referrer-Policy", "no-referrer"});
  reply.headers.push_back({"Content-Security-Policy", kContentSecurityPolicy});
  return reply;
}

// `candidate` when it is a regular file inside `root` (after resolving symbolic links).
bool IsFileUnder(const fs::path& root, const fs::path& candidate) {
  std::error_code ec;
  if (!fs::is_regular_file(candidate, ec)) return false;
  const fs::path real = fs::canonical(candidate, ec);
  if (ec) return false;
  const auto [root_end, real_it] =
      std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return root_end == root.end();
}

Result<Reply> ServeWeb(const fs::path& root, const Request& req) {
  const std::string& path = req.raw.path;
  auto not_found = [&] { return Error::NotFound("no such endpoint: GET " + path); };
  if (IsReserved(path)) return not_found();
  auto segments = SafeSegments(path);
  if (!segments) return not_found();
  fs::path file = root;
  for (const auto& s : *segments) file /= s;
  if (!segments->empty() && IsFileUnder(root, file)) {
    MOTCUA_ASSIGN_OR_RETURN(std::string body, ReadFile(file));
    return FileReply(std::move(body), file, segments->front() == "assets");
  }
  // A missing asset (under assets/, or with the extension of a file type served) is 404;
  // anything else is a route of the app, which index.html resolves in the browser (routes may
  // hold dots: /thu-tuc/1.001193).
  if (!segments->empty() &&
      (segments->front() == "assets" || IsServedType(fs::path(segments->back())))) {
    return not_found();
  }
  const fs::path index = root / "index.html";
  MOTCUA_ASSIGN_OR_RETURN(std::string body, ReadFile(index));
  return FileReply(std::move(body), index, false);
}

}  // namespace

void AddWebRoutes(ApiServer& server, Services& services) {
  std::error_code ec;
  fs::path root = fs::canonical(services.web_root, ec);
  if (ec) root = fs::path(services.web_root);
  server.SetFallback({"GET", "(web)", identity::Permission::kPublic, "",
                      [root](Request& req) -> Result<Reply> { return ServeWeb(root, req); }});
}

}  // namespace motcua::http
