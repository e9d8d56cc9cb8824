#pragma once

#include "web/context.hpp"

// The outreach log (presentations, media interviews, articles, events) and the significant stories
// staff write and review before they go to funders or the public. Coordinators and organisation
// admins (OutreachPolicy).
namespace cercle::web::pages::outreach {

// GET /outreach: the log and the stories.
Response List(Context& context);
// GET and POST /outreach/new; GET and POST /outreach/{id}/edit; POST /outreach/{id}/remove.
Response ShowNew(Context& context);
Response Create(Context& context);
Response ShowEdit(Context& context);
Response Edit(Context& context);
Response Remove(Context& context);

// GET and POST /outreach/stories/new; GET /outreach/stories/{id}; GET and POST
// /outreach/stories/{id}/edit; POST /outreach/stories/{id}/review and /remove.
Response ShowNewStory(Context& context);
Response CreateStory(Context& context);
Response ShowStory(Context& context);
Response ShowEditStory(Context& context);
Response EditStory(Context& context);
Response ReviewStory(Context& context);
Response RemoveStory(Context& context);

}  // namespace cercle::web::pages::outreach
