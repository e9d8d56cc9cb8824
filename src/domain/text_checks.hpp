#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/result.hpp"

// The checks of free-text fields that the domain's rules share.
namespace cercle::domain {

// Trims `text`, then adds an error on `field` when it is empty and `missing` is the message to
// show for that (a msgid; null when the field may stay empty), or when it is longer than `limit`
// characters.
void CheckText(std::string& text, const char* field, std::size_t limit, const char* missing,
               std::vector<FieldError>& errors);

}  // namespace cercle::domain
