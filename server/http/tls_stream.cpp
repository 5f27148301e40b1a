#include "server/http/tls_stream.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <new>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

namespace ducha::server {

namespace net = boost::asio;

namespace {

// A socket BIO that sends with MSG_NOSIGNAL: a peer that resets the connection must not raise
// SIGPIPE in a process that has not ignored it (OpenSSL's own socket BIO uses write()).
int fd_of(BIO* b) { return static_cast<int>(reinterpret_cast<std::intptr_t>(BIO_get_data(b))); }

int bio_write(BIO* b, const char* data, int len) {
    BIO_clear_retry_flags(b);
    ssize_t n = ::send(fd_of(b), data, static_cast<std::size_t>(len), MSG_NOSIGNAL);
    if (n >= 0) return static_cast<int>(n);
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) BIO_set_retry_write(b);
    return -1;
}

int bio_read(BIO* b, char* data, int len) {
    BIO_clear_retry_flags(b);
    ssize_t n = ::recv(fd_of(b), data, static_cast<std::size_t>(len), 0);
    if (n > 0) return static_cast<int>(n);
    if (n == 0) {
        BIO_set_flags(b, BIO_FLAGS_IN_EOF);  // lets OpenSSL tell a cut connection from a retry
        return 0;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) BIO_set_retry_read(b);
    return -1;
}

long bio_ctrl(BIO* b, int cmd, long, void*) {
    switch (cmd) {
    case BIO_CTRL_FLUSH:
        return 1;
    case BIO_CTRL_EOF:
        return BIO_test_flags(b, BIO_FLAGS_IN_EOF) ? 1 : 0;
    default:
        return 0;
    }
}

int bio_create(BIO* b) {
    BIO_set_init(b, 1);
    return 1;
}

const BIO_METHOD* socket_method() {
    static BIO_METHOD* method = [] {
        BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR, "ducha socket");
        if (!m) return m;
        BIO_meth_set_write(m, bio_write);
        BIO_meth_set_read(m, bio_read);
        BIO_meth_set_ctrl(m, bio_ctrl);
        BIO_meth_set_create(m, bio_create);
        return m;
    }();
    return method;
}

}  // namespace

TlsStream::Core::~Core() {
    if (ssl) SSL_free(ssl);  // frees the BIO; the socket closes after
}

TlsStream::TlsStream(net::ip::tcp::socket&& socket, SSL_CTX* ctx) : m_core(std::make_shared<Core>(std::move(socket))) {
    const BIO_METHOD* method = socket_method();
    if (!method) throw std::bad_alloc();
    m_core->ssl = SSL_new(ctx);
    if (!m_core->ssl) throw std::bad_alloc();
    BIO* bio = BIO_new(method);
    if (!bio) throw std::bad_alloc();
    BIO_set_data(bio, reinterpret_cast<void*>(static_cast<std::intptr_t>(m_core->socket.native_handle())));
    SSL_set_bio(m_core->ssl, bio, bio);
    SSL_set_accept_state(m_core->ssl);
    SSL_set_mode(m_core->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    error_code ec;
    m_core->socket.non_blocking(true, ec);
    if (ec) throw boost::system::system_error(ec);
}

void TlsStream::expires_at(clock::time_point t) {
    m_core->timed_out = false;
    m_core->timer.expires_at(t);  // a wait still pending ends with operation_aborted
    m_core->timer.async_wait([weak = std::weak_ptr<Core>(m_core)](error_code ec) {
        if (ec) return;
        auto core = weak.lock();
        // expired, unless a new deadline was set after this one had already fired
        if (!core || core->timer.expiry() > clock::now()) return;
        core->timed_out = true;
        error_code cec;
        core->socket.cancel(cec);
    });
}

void TlsStream::expires_never() {
    m_core->timed_out = false;
    m_core->timer.expires_at(clock::time_point::max());
}

void TlsStream::cancel() {
    error_code ec;
    m_core->socket.cancel(ec);
}

void TlsStream::close() {
    error_code ec;
    m_core->timer.cancel();
    m_core->socket.close(ec);
}

TlsStream::Step TlsStream::step_of(SSL* ssl, int ret) {
    const int saved_errno = errno;
    switch (SSL_get_error(ssl, ret)) {
    case SSL_ERROR_WANT_READ:
        return {Want::read, {}, 0};
    case SSL_ERROR_WANT_WRITE:
        return {Want::write, {}, 0};
    case SSL_ERROR_ZERO_RETURN:
        return {Want::nothing, net::error::eof, 0};  // the peer's close_notify
    case SSL_ERROR_SYSCALL:
        if (unsigned long e = ERR_get_error(); e != 0)
            return {Want::nothing, error_code(static_cast<int>(e), net::error::get_ssl_category()), 0};
        if (saved_errno != 0) return {Want::nothing, error_code(saved_errno, boost::system::system_category()), 0};
        return {Want::nothing, net::ssl::error::stream_truncated, 0};
    default: {
        unsigned long e = ERR_get_error();
        if (ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
            return {Want::nothing, net::ssl::error::stream_truncated, 0};  // cut without close_notify
        return {Want::nothing, error_code(static_cast<int>(e), net::error::get_ssl_category()), 0};
    }
    }
}

TlsStream::Step TlsStream::Handshake::operator()(SSL* ssl) {
    ERR_clear_error();
    errno = 0;
    int r = SSL_do_handshake(ssl);
    return r == 1 ? Step{} : step_of(ssl, r);
}

TlsStream::Step TlsStream::Shutdown::operator()(SSL* ssl) {
    ERR_clear_error();
    errno = 0;
    int r = SSL_shutdown(ssl);
    if (r == 0) r = SSL_shutdown(ssl);  // ours is sent: now wait for the peer's
    return r == 1 ? Step{} : step_of(ssl, r);
}

TlsStream::Step TlsStream::Readable::operator()(SSL* ssl) {
    if (waited || SSL_has_pending(ssl)) return {};
    waited = true;
    return {Want::read, {}, 0};
}

TlsStream::Step TlsStream::Read::operator()(SSL* ssl) {
    if (buffer.size() == 0) return {};
    ERR_clear_error();
    errno = 0;
    int r = SSL_read(ssl, buffer.data(), static_cast<int>(std::min<std::size_t>(buffer.size(), INT_MAX)));
    return r > 0 ? Step{Want::nothing, {}, static_cast<std::size_t>(r)} : step_of(ssl, r);
}

TlsStream::Step TlsStream::Write::operator()(SSL* ssl) {
    const void* data = copy.empty() ? buffer.data() : copy.data();
    const std::size_t size = copy.empty() ? buffer.size() : copy.size();
    if (size == 0) return {};
    ERR_clear_error();
    errno = 0;
    int r = SSL_write(ssl, data, static_cast<int>(std::min<std::size_t>(size, INT_MAX)));
    return r > 0 ? Step{Want::nothing, {}, static_cast<std::size_t>(r)} : step_of(ssl, r);
}

}  // namespace ducha::server
