#pragma once

#include <mstch/mstch.hpp>
#include <optional>
#include <string>

#include "app/intake/core_members.hpp"
#include "domain/core_member.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// Pieces shared by the pages of one core member's file (core_member_pages.cpp, legal_pages.cpp).
namespace cercle::web::pages::core_members {

// The file named by the {id} path parameter, when the actor may see it; none for a malformed id, a
// missing file, another organisation's file or an actor the policy refuses (the caller then answers
// with Deny).
std::optional<domain::CoreMember> FindVisibleCoreMember(Context& context);
// The file `id`, when the actor may see it.
std::optional<domain::CoreMember> FindVisibleCoreMember(Context& context, std::int64_t id);

// What the file page shows besides the file: a failed form of one section kept as typed, or a
// notice.
struct FilePageState {
  const Error* error = nullptr;
  // The section whose form failed: "status", "documents", "consents".
  std::string section;
  const Form* form = nullptr;
  std::string notice;
};

// Renders the file page of file `core_member_id` (recording a "core_member.view" entry), with
// `state`; the audited 404 when the actor may not see it.
Response RenderFile(Context& context, std::int64_t core_member_id, const FilePageState& state);

// The file page's data for its template.
mstch::map FileView(const Context& context, const app::intake::CoreMemberFile& file,
                    const FilePageState& state);

// The status badge's modifier of a file: closed files are muted, files in a circle settled.
std::string StatusTone(domain::CoreMemberStatus status);

// The address of a file's page.
std::string FileHref(std::int64_t core_member_id);

}  // namespace cercle::web::pages::core_members
