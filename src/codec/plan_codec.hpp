// The wire form of a follow-up plan on its own (the operations of follow-up give back the plan
// a host stores in place of the cadre's): the encoder encode(const Cadre &) uses for each of
// the cadre's plans. Internal to libcadre and the tools; never installed.
#ifndef CADRE_SRC_CODEC_PLAN_CODEC_HPP
#define CADRE_SRC_CODEC_PLAN_CODEC_HPP

#include "cadre/followup.hpp"
#include "cadre/v1/followup.pb.h"

namespace cadre::codec {

/** Converts a follow-up plan to its wire form, as encode(const Cadre &) writes it. */
void encode(const FollowUpPlan &in, cadre::v1::FollowUpPlan &out);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_PLAN_CODEC_HPP
