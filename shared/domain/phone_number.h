#pragma once
// A person's phone number: how it must be written, and when two spellings are one number. The
// people import, the desk and the server's write rule for users share this one rule (a phone
// number names one person: it is how a coordinator reaches them and how they are told apart).
#include <string>
#include <string_view>

namespace ducha::domain {

// 7 to 15 digits, an optional leading '+', single spaces or '-' between digits.
bool phone_well_formed(std::string_view phone);
// The digits of a phone number: two spellings of one number compare equal.
std::string phone_digits(std::string_view phone);

}  // namespace ducha::domain
