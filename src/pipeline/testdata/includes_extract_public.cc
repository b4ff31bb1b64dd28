// The control of the stage_boundaries_enforced test: the same include root and
// flags accept another stage's public header, so the failure there is the
// boundary's.
#include "extract/extract.h"
