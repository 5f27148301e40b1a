#pragma once
// The server side of one TLS connection: OpenSSL straight on the non-blocking socket, Asio only
// waiting for the socket to become readable or writable.
//
// Why not boost::asio::ssl::stream: it keeps two 17 KiB record buffers per connection for the
// connection's whole life, so 5,000 idle keep-alive connections would hold 170 MB for nothing.
// Here an idle connection holds OpenSSL's session state alone: OpenSSL reads and writes the socket
// itself and gives its record buffers back between records (SSL_MODE_RELEASE_BUFFERS).
//
// It models Beast's AsyncReadStream and AsyncWriteStream (on the connection's strand, one read and
// one write at a time) and keeps a deadline like beast::tcp_stream: once it passes, the operation
// waiting ends with beast::error::timeout, and so does every later one until a new deadline is set.
#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

namespace ducha::server {

class TlsStream {
public:
    using executor_type = boost::asio::any_io_executor;
    using error_code = boost::system::error_code;
    using clock = std::chrono::steady_clock;

    // A server-side TLS session on an accepted socket. Throws std::bad_alloc when OpenSSL cannot
    // allocate one.
    TlsStream(boost::asio::ip::tcp::socket&& socket, SSL_CTX* ctx);
    TlsStream(const TlsStream&) = delete;
    TlsStream& operator=(const TlsStream&) = delete;

    executor_type get_executor() { return m_core->socket.get_executor(); }
    boost::asio::ip::tcp::socket& socket() { return m_core->socket; }

    void expires_after(clock::duration d) { expires_at(clock::now() + d); }
    void expires_at(clock::time_point t);
    void expires_never();
    // Ends the pending operation with operation_aborted; the connection stays usable.
    void cancel();
    void close();

    template <class Token>
    auto async_handshake(Token&& token) {
        return start<void(error_code)>(Handshake{}, std::forward<Token>(token));
    }
    // Sends close_notify and waits for the peer's.
    template <class Token>
    auto async_shutdown(Token&& token) {
        return start<void(error_code)>(Shutdown{}, std::forward<Token>(token));
    }
    // Completes when there is something to read (on the socket or decrypted inside OpenSSL), with
    // no buffer held meanwhile: how an idle keep-alive connection waits.
    template <class Token>
    auto async_wait_readable(Token&& token) {
        return start<void(error_code)>(Readable{}, std::forward<Token>(token));
    }
    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token) {
        return start<void(error_code, std::size_t)>(Read{first_of(buffers)}, std::forward<Token>(token));
    }
    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token) {
        return start<void(error_code, std::size_t)>(Write::of(buffers), std::forward<Token>(token));
    }

private:
    struct Core {
        Core(boost::asio::ip::tcp::socket&& s) : socket(std::move(s)), timer(socket.get_executor()) {}
        ~Core();
        boost::asio::ip::tcp::socket socket;
        boost::asio::steady_timer timer;
        SSL* ssl = nullptr;
        bool timed_out = false;
    };

    // One try of an OpenSSL call: done (with its error and byte count) or waiting for the socket.
    enum class Want { nothing, read, write };
    struct Step {
        Want want = Want::nothing;
        error_code ec;
        std::size_t bytes = 0;
    };
    static Step step_of(SSL* ssl, int ret);

    struct Handshake {
        Step operator()(SSL* ssl);
    };
    struct Shutdown {
        Step operator()(SSL* ssl);
    };
    struct Readable {
        bool waited = false;
        Step operator()(SSL* ssl);
    };
    struct Read {
        boost::asio::mutable_buffer buffer;
        Step operator()(SSL* ssl);
    };
    // Beast hands a response over as many small buffers; they go out as one TLS record (copied,
    // up to a record's worth), not one record each.
    struct Write {
        static constexpr std::size_t kCoalesce = 16 * 1024;
        boost::asio::const_buffer buffer;
        std::string copy;
        template <class ConstBuffers>
        static Write of(const ConstBuffers& buffers) {
            Write w;
            auto it = boost::asio::buffer_sequence_begin(buffers);
            const auto end = boost::asio::buffer_sequence_end(buffers);
            while (it != end && boost::asio::const_buffer(*it).size() == 0) ++it;
            if (it == end) return w;
            boost::asio::const_buffer first(*it);
            if (first.size() >= kCoalesce || std::next(it) == end) {
                w.buffer = first;
                return w;
            }
            for (; it != end && w.copy.size() < kCoalesce; ++it) {
                boost::asio::const_buffer b(*it);
                w.copy.append(static_cast<const char*>(b.data()), std::min(b.size(), kCoalesce - w.copy.size()));
            }
            return w;
        }
        Step operator()(SSL* ssl);
    };

    template <class MutableBuffers>
    static boost::asio::mutable_buffer first_of(const MutableBuffers& buffers) {
        for (auto it = boost::asio::buffer_sequence_begin(buffers); it != boost::asio::buffer_sequence_end(buffers); ++it) {
            boost::asio::mutable_buffer b(*it);
            if (b.size() > 0) return b;
        }
        return {};
    }

    // Tries the action; waits for the socket while OpenSSL wants it; completes on the stream's
    // executor (never inside the initiating call).
    template <class Action, bool WithBytes>
    struct Op {
        std::shared_ptr<Core> core;
        Action action;
        enum class Stage { starting, waiting, finished } stage = Stage::starting;
        Step result{};

        template <class Self>
        void operator()(Self& self, error_code ec = {}) {
            if (stage == Stage::finished) return finish(self);
            if (stage == Stage::waiting) {
                if (core->timed_out) return done(self, Step{Want::nothing, boost::beast::error::timeout, 0});
                if (ec) return done(self, Step{Want::nothing, ec, 0});
            }
            Step s;
            if (core->timed_out) {
                s.ec = boost::beast::error::timeout;
            } else if (!core->socket.is_open()) {
                s.ec = boost::asio::error::bad_descriptor;
            } else {
                s = action(core->ssl);
            }
            if (s.want != Want::nothing) {
                stage = Stage::waiting;
                auto kind = s.want == Want::read ? boost::asio::ip::tcp::socket::wait_read
                                                 : boost::asio::ip::tcp::socket::wait_write;
                core->socket.async_wait(kind, std::move(self));
                return;
            }
            done(self, s);
        }

        template <class Self>
        void done(Self& self, Step s) {
            result = s;
            if (stage == Stage::starting) {
                stage = Stage::finished;
                boost::asio::post(core->socket.get_executor(), std::move(self));
                return;
            }
            finish(self);
        }

        template <class Self>
        void finish(Self& self) {
            if constexpr (WithBytes) {
                self.complete(result.ec, result.bytes);
            } else {
                self.complete(result.ec);
            }
        }
    };

    template <class Signature, class Action, class Token>
    auto start(Action action, Token&& token) {
        constexpr bool with_bytes = std::is_same_v<Signature, void(error_code, std::size_t)>;
        return boost::asio::async_compose<Token, Signature>(Op<Action, with_bytes>{m_core, std::move(action)}, token,
                                                            m_core->socket);
    }

    std::shared_ptr<Core> m_core;
};

}  // namespace ducha::server
