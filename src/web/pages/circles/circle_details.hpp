#pragma once

#include <mstch/mstch.hpp>

#include <string_view>

#include "base/result.hpp"
#include "domain/circle_record.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// A circle's details: what coordinators set when they open a circle and change on its page (the
// offence profile, the meeting times…), described once in circle_details.cpp: each field's name,
// label, reading and check (web/form_fields.hpp). The opening and the edit handler read the form
// with ReadCircleDetails and show it with AddDetailFields (templates/circle_detail_fields.mustache,
// each field through templates/form_field.mustache); the circle page and
// the volunteer's phone view list the values with AddDetailRows
// (templates/circle_detail_rows.mustache) with the detail's value as typed. A new optional detail
// is one entry in DetailFields() and a member of domain::CircleDetails.
namespace cercle::web::pages::circles {

// The details typed in `form`; the field errors of what could not be read.
Result<domain::CircleDetails> ReadCircleDetails(const Form& form);

// Adds the fields of the details form to `model`: `details` as they stand, or what `form` holds
// with `error` when it was refused. `prefix` keeps the fields' ids unique on the page.
void AddDetailFields(const Context& context, const domain::CircleDetails& details, const Form* form,
                     const Error* error, std::string_view prefix, mstch::map& model);

// Adds "detail_rows" to `model` when a detail that whoever reads the circle sees is set: its
// label and value.
void AddDetailRows(const Context& context, const domain::CircleDetails& details, mstch::map& model);

}  // namespace cercle::web::pages::circles
