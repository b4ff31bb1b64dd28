// Compiled by the stage_boundaries_enforced test with the pipeline stage's
// include root: it must NOT compile, because html_dom.h is internal to extract/
// (its public header is extract/extract.h). If this ever compiles, stages can
// reach into each other again.
#include "extract/html_dom.h"
