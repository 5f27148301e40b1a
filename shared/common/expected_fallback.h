#pragma once
// std::expected where the standard library hides it: libstdc++ 12 offers <expected> only to a
// compiler whose concepts are at the C++20 level, which clang before 19 does not claim, so the
// clang (fuzzing) build gets this small stand-in with the members the code uses. g++ never sees it.
#include <version>

#if !defined(__cpp_lib_expected)
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace std {  // NOLINT: stands in for the standard's own, only where the library has none

template <class E>
class unexpected {
public:
    template <class Err = E>
        requires(!is_same_v<remove_cvref_t<Err>, unexpected> && !is_same_v<remove_cvref_t<Err>, in_place_t> &&
                 is_constructible_v<E, Err>)
    constexpr explicit unexpected(Err&& e) : m_error(std::forward<Err>(e)) {}

    constexpr const E& error() const& noexcept { return m_error; }
    constexpr E& error() & noexcept { return m_error; }
    constexpr E&& error() && noexcept { return std::move(m_error); }

    template <class G>
    friend constexpr bool operator==(const unexpected& x, const unexpected<G>& y) {
        return x.error() == y.error();
    }

private:
    E m_error;
};
template <class E>
unexpected(E) -> unexpected<E>;

template <class E>
class bad_expected_access : public exception {
public:
    explicit bad_expected_access(E e) : m_error(std::move(e)) {}
    const char* what() const noexcept override { return "bad access to std::expected without expected value"; }
    const E& error() const& noexcept { return m_error; }

private:
    E m_error;
};

struct unexpect_t {
    explicit unexpect_t() = default;
};
inline constexpr unexpect_t unexpect{};

namespace expected_detail {
template <class T>
inline constexpr bool is_unexpected = false;
template <class E>
inline constexpr bool is_unexpected<unexpected<E>> = true;
}  // namespace expected_detail

template <class T, class E>
class expected {
public:
    using value_type = T;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected()
        requires is_default_constructible_v<T>
        : m_v(in_place_index<0>) {}
    template <class U = T>
        requires(!is_same_v<remove_cvref_t<U>, in_place_t> && !is_same_v<remove_cvref_t<U>, expected> &&
                 !is_same_v<remove_cvref_t<U>, unexpect_t> && !expected_detail::is_unexpected<remove_cvref_t<U>> &&
                 is_constructible_v<T, U>)
    constexpr explicit(!is_convertible_v<U, T>) expected(U&& v) : m_v(in_place_index<0>, std::forward<U>(v)) {}
    template <class G>
        requires is_constructible_v<E, const G&>
    constexpr explicit(!is_convertible_v<const G&, E>) expected(const unexpected<G>& e)
        : m_v(in_place_index<1>, e.error()) {}
    template <class G>
        requires is_constructible_v<E, G>
    constexpr explicit(!is_convertible_v<G, E>) expected(unexpected<G>&& e)
        : m_v(in_place_index<1>, std::move(e).error()) {}
    template <class... A>
    constexpr explicit expected(in_place_t, A&&... a) : m_v(in_place_index<0>, std::forward<A>(a)...) {}
    template <class... A>
    constexpr explicit expected(unexpect_t, A&&... a) : m_v(in_place_index<1>, std::forward<A>(a)...) {}

    template <class U = T>
        requires(!is_same_v<remove_cvref_t<U>, expected> && !expected_detail::is_unexpected<remove_cvref_t<U>> &&
                 is_constructible_v<T, U> && is_assignable_v<T&, U>)
    constexpr expected& operator=(U&& v) {
        m_v.template emplace<0>(std::forward<U>(v));
        return *this;
    }
    template <class G>
    constexpr expected& operator=(const unexpected<G>& e) {
        m_v.template emplace<1>(e.error());
        return *this;
    }
    template <class G>
    constexpr expected& operator=(unexpected<G>&& e) {
        m_v.template emplace<1>(std::move(e).error());
        return *this;
    }

    constexpr bool has_value() const noexcept { return m_v.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    constexpr const T* operator->() const noexcept { return std::get_if<0>(&m_v); }
    constexpr T* operator->() noexcept { return std::get_if<0>(&m_v); }
    constexpr const T& operator*() const& noexcept { return *std::get_if<0>(&m_v); }
    constexpr T& operator*() & noexcept { return *std::get_if<0>(&m_v); }
    constexpr T&& operator*() && noexcept { return std::move(*std::get_if<0>(&m_v)); }

    constexpr const T& value() const& {
        if (!has_value()) throw bad_expected_access<E>(error());
        return **this;
    }
    constexpr T& value() & {
        if (!has_value()) throw bad_expected_access<E>(error());
        return **this;
    }
    constexpr T&& value() && {
        if (!has_value()) throw bad_expected_access<E>(error());
        return std::move(**this);
    }
    constexpr const E& error() const& noexcept { return *std::get_if<1>(&m_v); }
    constexpr E& error() & noexcept { return *std::get_if<1>(&m_v); }
    constexpr E&& error() && noexcept { return std::move(*std::get_if<1>(&m_v)); }

    template <class U>
    constexpr T value_or(U&& other) const& {
        return has_value() ? **this : static_cast<T>(std::forward<U>(other));
    }
    template <class U>
    constexpr T value_or(U&& other) && {
        return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(other));
    }

    template <class U>
        requires(!expected_detail::is_unexpected<U>)
    friend constexpr bool operator==(const expected& x, const U& v) {
        return x.has_value() && *x == v;
    }
    template <class G>
    friend constexpr bool operator==(const expected& x, const unexpected<G>& e) {
        return !x.has_value() && x.error() == e.error();
    }

private:
    variant<T, E> m_v;
};

template <class E>
class expected<void, E> {
public:
    using value_type = void;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected() noexcept = default;
    constexpr explicit expected(in_place_t) noexcept {}
    template <class G>
        requires is_constructible_v<E, const G&>
    constexpr explicit(!is_convertible_v<const G&, E>) expected(const unexpected<G>& e) : m_error(e.error()) {}
    template <class G>
        requires is_constructible_v<E, G>
    constexpr explicit(!is_convertible_v<G, E>) expected(unexpected<G>&& e) : m_error(std::move(e).error()) {}
    template <class... A>
    constexpr explicit expected(unexpect_t, A&&... a) : m_error(in_place, std::forward<A>(a)...) {}

    template <class G>
    constexpr expected& operator=(const unexpected<G>& e) {
        m_error.emplace(e.error());
        return *this;
    }
    template <class G>
    constexpr expected& operator=(unexpected<G>&& e) {
        m_error.emplace(std::move(e).error());
        return *this;
    }

    constexpr bool has_value() const noexcept { return !m_error.has_value(); }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr void operator*() const noexcept {}
    constexpr void value() const {
        if (!has_value()) throw bad_expected_access<E>(error());
    }
    constexpr const E& error() const& noexcept { return *m_error; }
    constexpr E& error() & noexcept { return *m_error; }
    constexpr E&& error() && noexcept { return std::move(*m_error); }

    template <class G>
    friend constexpr bool operator==(const expected& x, const unexpected<G>& e) {
        return !x.has_value() && x.error() == e.error();
    }

private:
    optional<E> m_error;
};

}  // namespace std
#endif
