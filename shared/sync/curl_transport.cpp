#include "shared/sync/curl_transport.h"

#include <curl/curl.h>

#include <mutex>

namespace ducha::sync {

namespace {

constexpr std::size_t kAskBeforeSending = 1 << 20;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* p, size_t size, size_t n, void* ud) {
    static_cast<std::string*>(ud)->append(p, size * n);
    return size * n;
}

size_t on_header(char* p, size_t size, size_t n, void* ud) {
    std::string line(p, size * n);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        auto b = value.find_first_not_of(" \t");
        auto e = value.find_last_not_of(" \t\r\n");
        value = b == std::string::npos ? "" : value.substr(b, e - b + 1);
        (*static_cast<std::map<std::string, std::string>*>(ud))[name] = value;
    }
    return size * n;
}

}  // namespace

CurlTransport::CurlTransport(TransportConfig cfg) : m_cfg(std::move(cfg)) {
    global_init();
    m_curl = curl_easy_init();
}

CurlTransport::~CurlTransport() {
    if (m_curl) curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

CurlTransport::CurlTransport(CurlTransport&& o) noexcept : m_cfg(std::move(o.m_cfg)), m_curl(o.m_curl) {
    o.m_curl = nullptr;
}

CurlTransport& CurlTransport::operator=(CurlTransport&& o) noexcept {
    if (this != &o) {
        if (m_curl) curl_easy_cleanup(static_cast<CURL*>(m_curl));
        m_cfg = std::move(o.m_cfg);
        m_curl = o.m_curl;
        o.m_curl = nullptr;
    }
    return *this;
}

Result<HttpReply> CurlTransport::request(const std::string& method, const std::string& path, const std::string& body,
                                         const std::map<std::string, std::string>& headers) {
    CURL* c = static_cast<CURL*>(m_curl);
    if (!c) return fail(Errc::internal, Msg::curl_easy_init_failed);
    curl_easy_reset(c);  // keeps the connection cache
    HttpReply reply;
    std::string url = m_cfg.base_url + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    if (!m_cfg.pin.empty()) {
        // The pin is the trust anchor (a self-signed server): check the key, not a CA chain.
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, m_cfg.pin.c_str());
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_cfg.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(m_cfg.timeout.count()));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, m_cfg.low_speed_bytes_per_s);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_cfg.low_speed_time.count()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &reply.headers);
    if (method == "HEAD") {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else if (method == "GET") {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_slist* list = nullptr;
    // Small bodies go at once (no 100-continue round trip). A large one asks first, so a body
    // over the server's limit is refused by a readable 413 instead of a connection reset mid-send.
    list = curl_slist_append(list, body.size() > kAskBeforeSending ? "Expect: 100-continue" : "Expect:");
    for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) {
        std::string why = curl_easy_strerror(rc);
        if (rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH)
            return fail(Errc::integrity, Msg::server_key_does_not_match, why);
        // Without a pin the chain and host name must check out: a failure is not the network's.
        if (rc == CURLE_PEER_FAILED_VERIFICATION)
            return fail(Errc::integrity, Msg::server_certificate_not_trusted, why);
        if (rc == CURLE_OPERATION_TIMEDOUT)
            return fail(Errc::timeout, Msg::network_timed_out, why);
        return fail(Errc::network, Msg::cannot_reach_server, why);
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

std::unique_ptr<HttpTransport> CurlTransport::make(const TransportConfig& cfg) {
    return std::make_unique<CurlTransport>(cfg);
}

}  // namespace ducha::sync
