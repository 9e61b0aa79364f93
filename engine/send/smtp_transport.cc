#include "engine/send/smtp_transport.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace fairmatch {
namespace {

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t count, void* user) {
  Upload* up = static_cast<Upload*>(user);
  const size_t room = size * count;
  const size_t left = up->data->size() - up->offset;
  const size_t n = left < room ? left : room;
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

// The host of "smtp://HOST:PORT", lower case, without brackets.
bool SplitUrl(const std::string& url, std::string* host, int* port,
              bool* implicit_tls) {
  std::string rest;
  if (absl::StartsWith(url, "smtp://")) {
    rest = url.substr(7);
    *implicit_tls = false;
  } else if (absl::StartsWith(url, "smtps://")) {
    rest = url.substr(8);
    *implicit_tls = true;
  } else {
    return false;
  }
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  *host = rest.substr(0, colon);
  if (host->find_first_of("/@?#") != std::string::npos) return false;
  return absl::SimpleAtoi(rest.substr(colon + 1), port) && *port > 0 &&
         *port < 65536;
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" ||
         absl::StartsWith(host, "127.");
}

class SmtpTransport : public Transport {
 public:
  SmtpTransport(CURL* curl, SmtpOptions options)
      : curl_(curl), options_(std::move(options)) {}
  ~SmtpTransport() override { curl_easy_cleanup(curl_); }

  SendOutcome Send(const std::string& from, const std::string& to,
                   const std::string& message) override {
    Upload up{&message, 0};
    curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
    const std::string mail_from = absl::StrCat("<", from, ">");
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, ReadChunk);
    curl_easy_setopt(curl_, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl_, CURLOPT_INFILESIZE_LARGE,
                     static_cast<curl_off_t>(message.size()));
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
    const CURLcode rc = curl_easy_perform(curl_);
    long code = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, nullptr);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, nullptr);
    curl_slist_free_all(rcpt);
    SendOutcome out;
    out.code = static_cast<int>(code);
    if (rc == CURLE_OK) {
      out.kind = SendOutcome::Kind::kAccepted;
      return out;
    }
    out.reply = error[0] != '\0' ? error : curl_easy_strerror(rc);
    if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
        rc == CURLE_LOGIN_DENIED || rc == CURLE_USE_SSL_FAILED ||
        rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION ||
        rc == CURLE_UNSUPPORTED_PROTOCOL || code == 530 || code == 535) {
      out.kind = SendOutcome::Kind::kFatal;
    } else if (code >= 500 && code < 600) {
      out.kind = SendOutcome::Kind::kPermanent;
    } else {
      // 4xx, or the connection broke: try again (the same message, the same
      // Message-ID, so a copy that did arrive shows once).
      out.kind = SendOutcome::Kind::kTemporary;
    }
    return out;
  }

 private:
  CURL* curl_;
  SmtpOptions options_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Transport>> MakeSmtpTransport(
    const SmtpOptions& options) {
  std::string host;
  int port = 0;
  bool implicit_tls = false;
  if (!SplitUrl(options.url, &host, &port, &implicit_tls)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--smtp: error: '", options.url,
        "' is not a mail server; write smtp://HOST:PORT (STARTTLS, usually "
        "port 587) or smtps://HOST:PORT (TLS, usually port 465)"));
  }
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return absl::InternalError("cannot start libcurl");
  curl_easy_setopt(curl, CURLOPT_URL, options.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options.timeout_seconds);
  if (!options.ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_file.c_str());
  }
  const bool has_user = !options.user.empty();
  if (!implicit_tls) {
    curl_easy_setopt(
        curl, CURLOPT_USE_SSL,
        has_user && !IsLoopback(host) ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  }
  if (has_user) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, options.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, options.password.c_str());
  } else {
    curl_easy_setopt(curl, CURLOPT_NETRC, CURL_NETRC_OPTIONAL);
    if (!options.netrc.empty()) {
      curl_easy_setopt(curl, CURLOPT_NETRC_FILE, options.netrc.c_str());
    }
  }
  return std::unique_ptr<Transport>(new SmtpTransport(curl, options));
}

}  // namespace fairmatch
