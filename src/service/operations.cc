// THE table of operations. Adding an operation is one row here plus its
// handler; the C ABI, the Python binding, the CLI and the docs follow from it
// (see operation.hpp).
#include <google/protobuf/arena.h>

#include <algorithm>
#include <vector>

#include "service/calendar_service.hpp"
#include "service/case_service.hpp"
#include "service/eligibility_service.hpp"
#include "service/followup_service.hpp"
#include "service/identification_service.hpp"
#include "service/operation.hpp"
#include "service/report_service.hpp"
#include "service/response_writer.hpp"
#include "service/run_by_record.hpp"
#include "service/service.hpp"
#include "service/statistics_service.hpp"
#include "service/tolerance_service.hpp"

namespace cadre::service {
namespace {

// The cadre of the examples (examples/screen_one.*): a county head born
// 1965-03-02, in post since 2019-01-01.
#define CADRE_EXAMPLE_CADRE                                                                       \
  R"({"id":"c1","sex":"SEX_MALE","birth_date":"1965-03-02",)"                                     \
  R"("birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE","posts":[{"id":"p1",)"                \
  R"("title":"县长","rank_level":"RANK_LEVEL_COUNTY_PRINCIPAL","kind":"POST_KIND_LEADERSHIP",)" \
  R"("start_date":"2019-01-01"}]})"

// The cadre of the follow-up examples (examples/followup, docs/followup.md): a county deputy
// in unit u1 of region 360102, removed through accountability on 2023-03-13, with the plan f1.
#define CADRE_FOLLOWUP_CADRE                                                                      \
  R"({"id":"c1","sex":"SEX_MALE","birth_date":"1975-05-05",)"                                     \
  R"("birth_date_source":"BIRTH_DATE_SOURCE_PERSONNEL_FILE","unit_id":"u1","posts":[{"id":"p1",)" \
  R"("unit_id":"u1","title":"副县长","rank_level":"RANK_LEVEL_COUNTY_DEPUTY",)"                \
  R"("kind":"POST_KIND_LEADERSHIP","start_date":"2015-01-01","end_date":"2023-03-12",)"           \
  R"("region_code":"360102"}],"adjustments":[{"id":"a1","channel":"CHANNEL_ACCOUNTABILITY",)"     \
  R"("method":"ADJUSTMENT_METHOD_REMOVAL","decided_on":"2023-03-13","executed_on":"2023-03-13",)" \
  R"("from_post_id":"p1"}],"follow_up_plans":[{"id":"f1","adjustment_id":"a1",)"                  \
  R"("start_date":"2023-03-13","end_date":"2025-03-13"}]})"

std::vector<Operation> build_table() {
  using S = StatusCode;
  std::vector<Operation> table;
  table.push_back(operation<&screen>(
      "screen",
      "Screens cadres as of a date: who must go \"down\", through which channel, under which "
      "rule, and why.",
      "Every finding carries its rule, channel, citations with their verification tag, the facts "
      "it read with their field paths, the day it became true and an explanation in zh-CN and "
      "English; the summary counts them in the shape of the 2017 Jiangxi report. A bad record "
      "does not fail the call: it gives an entry in the response's `errors` (with its field "
      "path) and the other records are screened.",
      R"({"as_of":"2025-06-30","cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument, "`as_of` is missing or not a date"}}));
  table.back().run = &screen_run;
  table.push_back(operation<&eligibility>(
      "eligibility",
      "Whether cadres may go \"up\" to a target as of a date: eligible or not, every blocker with "
      "the day it lifts, and the 容错 exemptions that applied.",
      "Every blocker carries its source record, its cited clause with the verification tag, the "
      "day it lifts and an explanation in zh-CN and English. A bad record does not fail the "
      "call: it gives an entry in the response's `errors` (with its field path) and the other "
      "records are answered.",
      R"({"as_of":"2025-06-30","target":"ELIGIBILITY_TARGET_HIGHER_LEVEL","cadres":[)" CADRE_EXAMPLE_CADRE
      "]}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, the target is missing or unknown, or a named level "
        "has no `target_level`"}}));
  table.back().run = &eligibility_run;
  table.push_back(operation<&grade_cap>(
      "grade_cap",
      "The best annual grade still allowed for cadres in a year, and why (several caps: the "
      "heaviest governs).",
      "A bad record does not fail the call: it gives an entry in the response's `errors` (with "
      "its field path) and the other records are answered.",
      R"({"year":2025,"cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument, "`year` is missing or out of range"}}));
  table.back().run = &grade_cap_run;
  table.push_back(operation<&warnings>(
      "warnings",
      "What is coming for cadres in the months ahead, in calendar order: age limits, second "
      "terms, 15 years at one level, 10 years in post (the screening rules of the engine's "
      "catalogue in force) and impact periods that end.",
      "A bad record does not fail the call: it gives an entry in the response's `errors` (with "
      "its field path) and the other records are answered.",
      R"({"as_of":"2024-06-30","horizon_months":12,"cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, or `horizon_months` is outside 0 to 600"}}));
  table.back().run = &warnings_run;
  table.push_back(operation<&consistency>(
      "consistency",
      "Dual-track consistency (防止以纪律处分规避组织调整、以组织调整代替纪律处分): decisions and "
      "sanctions that call for an organisational adjustment with none carried out after the "
      "deadline, and adjustments standing where a sanction is called for but none exists.",
      "A bad record does not fail the call: it gives an entry in the response's `errors` (with "
      "its field path) and the other records are answered.",
      R"({"as_of":"2024-09-30","cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument, "`as_of` is missing or not a date"}}));
  table.back().run = &consistency_run;
  // The working-day calendar (docs/calendar.md): the engine's, i.e. the shipped
  // one and the notices the host added (EngineOptions.calendar_texts).
  const StatusDoc bad_calendar_request{
      S::kInvalidArgument,
      "a date is missing or not a date, the fallback or unit is unknown, or a count is out of "
      "range (the error names the request field)"};
  const StatusDoc no_notice{S::kOutOfRange,
                            "a day falls in a year without a notice of holidays and the request "
                            "does not ask for the weekends-only fallback (field `date`)"};
  table.push_back(operation<&calendar_day>(
      "calendar_day",
      "Whether a day is a working day on China's official calendar, and why (the holiday, the "
      "make-up working day, the notice that says so).",
      "A day of a year without a notice is an error unless the request asks for the "
      "weekends-only fallback, whose answer is flagged as assumed.",
      R"({"date":"2025-10-11"})", {bad_calendar_request, no_notice}));
  table.push_back(operation<&calendar_add>(
      "calendar_add",
      "The day N working days after (or, for a negative N, before) a day: the deadline of a "
      "period counted in working days, such as 收到函询之日起15个工作日内.",
      "The day of receipt itself is not counted. The answer cites the notices whose holidays "
      "and make-up working days it passed, and explains the count in zh-CN and English.",
      R"({"date":"2025-09-28","working_days":15})", {bad_calendar_request, no_notice}));
  table.push_back(operation<&calendar_count>(
      "calendar_count",
      "The working days after one day up to and including another (negative when the second "
      "comes first).",
      "", R"({"from":"2025-09-28","to":"2025-10-21"})", {bad_calendar_request, no_notice}));
  table.push_back(operation<&calendar_period_end>(
      "calendar_period_end",
      "The last day of a period of days, working days, months or years from a day, moved to the "
      "first working day after a holiday (民法典 第二百零一条至第二百零三条).",
      "", R"({"start":"2025-09-01","amount":1,"unit":"PERIOD_UNIT_MONTHS"})",
      {bad_calendar_request, no_notice}));
  table.push_back(operation<&calendar_roll_forward>(
      "calendar_roll_forward",
      "A day if it is a working day, otherwise the first working day after it (民法典 "
      "第二百零三条).",
      "", R"({"date":"2025-10-01"})", {bad_calendar_request, no_notice}));
  // Error tolerance (docs/tolerance.md): a claim evaluated against the engine's criteria.
  table.push_back(operation<&tolerance_evaluate>(
      "tolerance_evaluate",
      "Evaluates a claim for error tolerance (容错) against the criteria in force: proposes 免责, "
      "从轻, 减轻 or 不予容错, or says it needs a judgement and which facts are missing; never "
      "decides.",
      "Every group and criterion of the model (三个区分开来, 问责条例 2019 第十七条、第十八条, the "
      "exclusions) is met, not met or unknown, with the fact it read (`claim.facts[i]`) and its "
      "citations with their tags; the response gives the effects the proposal would cancel or "
      "soften, and the draft decision for the exemption module. The criteria are the shipped "
      "ones and the host's (`EngineOptions.tolerance_texts`). A fact recorded after `as_of` is "
      "left out and listed.",
      R"({"claim":{"id":"claim-1","concerns":{"kind":"RECORD_KIND_ACCOUNTABILITY_DECISION",)"
      R"("id":"ad-1"},"claimed_on":"2024-03-01","facts":[{"key":"dissent_recorded",)"
      R"("type":"FACT_TYPE_BOOL","yes":true,"recorded_by":"org-dept-1"}]}})",
      {{S::kInvalidArgument,
        "`claim` is missing, a field of the claim is not valid (the error names it, e.g. "
        "`claim.facts[0].recorded_on`), the claim has no day and no `model_id`, or `as_of` is "
        "not a date or comes before the claim's day"},
       {S::kNotFound,
        "no model has `claim.model_id`, or none is in force on the day for the claim's region "
        "(field `claim.claimed_on`, or `as_of` for a claim without a day)"},
       {S::kResourceExhausted, "the claim has more than 1000 facts (field `claim.facts`)"}}));
  // Follow-up management of adjusted cadres (docs/followup.md): the records are the cadre's
  // (Cadre.follow_up_plans); each operation takes the cadre and gives back the plan to store.
  const StatusDoc no_plan{S::kNotFound,
                          "the cadre has no plan with `plan_id`, or its plan's adjustment is "
                          "not the cadre's (field `cadre.follow_up_plans[j].adjustment_id`)"};
  table.push_back(operation<&followup_plan>(
      "followup_plan",
      "The follow-up plan (后续管理) of a carried-out adjustment: talks by the unit's principal "
      "leader, the leader in charge and the organisation department, training, an optional "
      "central or special task, review points, each dated on the working-day calendar and "
      "cited.",
      "The template is chosen by the adjustment's channel, method, day and region (the post it "
      "left); every item has the day it opens and its last day, counted from the day the "
      "adjustment was carried out (not counted), and its citations with their tags: a number no "
      "source gives is cited RECALLED, configurable policy. The response's `plan` is the record "
      "to add to the cadre's `follow_up_plans`.",
      R"({"as_of":"2023-03-13","adjustment_id":"a1","plan_id":"f2","cadre":)" CADRE_FOLLOWUP_CADRE
      "}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, `cadre` is missing or a field of it is not valid, or "
        "`adjustment_id` is missing"},
       {S::kNotFound,
        "the cadre has no adjustment `adjustment_id`, or no template serves its channel (field "
        "`cadre.adjustments[i].channel`)"},
       {S::kFailedPrecondition,
        "the adjustment was not carried out by `as_of` (field `cadre.adjustments[i].executed_on`)"},
       {S::kAlreadyExists, "the cadre already has a plan with `plan_id`"}}));
  table.push_back(operation<&followup_record>(
      "followup_record",
      "Records a talk, a training, a central or special task or a task's separate assessment "
      "into a cadre's follow-up plan, and says where each item of the plan then stands.",
      "A talk carries who held it (by role), when, and a reference to the notes in the host "
      "system (`notes_ref`), never the notes. A refusal names the request's field "
      "(`talk.notes_ref`, `training.end_date`, `task_assessment.task_id`) and never echoes a "
      "value; the plan is unchanged. The response's `plan` is the record to store in place of "
      "the cadre's.",
      R"({"as_of":"2023-03-20","plan_id":"f1","talk":{"id":"t1","held_on":"2023-03-20",)"
      R"("actor":"FOLLOW_UP_ACTOR_UNIT_PRINCIPAL","notes_ref":"notes:t1"},"cadre":)" CADRE_FOLLOWUP_CADRE
      "}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, `cadre` is missing or not valid, `plan_id` is "
        "missing, no record is given (field `record`), or the record is not valid (the error "
        "names its field: an id empty or used, a day before the plan's start or after `as_of`, "
        "an actor unspecified, `notes_ref` not a reference, negative hours, a grade not one of "
        "the four)"},
       no_plan,
       {S::kFailedPrecondition,
        "the plan has a final outcome (field `cadre.follow_up_plans[j].outcome`), or the task "
        "to assess has not ended by `as_of` or is already assessed (field "
        "`task_assessment.task_id`)"}}));
  table.push_back(operation<&followup_due>(
      "followup_due",
      "The follow-up items due and overdue as of a day, on the working-day calendar, per cadre, "
      "per unit or per region, or only the overdue ones.",
      "Every plan without a final outcome of the cadres in scope is dated and matched with its "
      "records; an item is due while open and not done, overdue (with the working days late) "
      "once its last day has passed. The items come by last day, then cadre, plan and item. A "
      "bad record, or a plan that cannot be dated, does not fail the call: it gives an entry in "
      "the response's `errors` (with its field path, e.g. "
      "`cadres[3].follow_up_plans[0].adjustment_id`) and the others are listed.",
      R"({"as_of":"2023-03-28","overdue_only":true,"cadres":[)" CADRE_FOLLOWUP_CADRE "]}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, `cadre_id` or `unit_id` is not an id, or "
        "`region_code` is neither \"CN\" nor six digits"}}));
  table.back().run = &followup_due_run;
  table.push_back(operation<&followup_outcome>(
      "followup_outcome",
      "Decides the outcome of a follow-up plan: 重新任用 only when every condition of "
      "re-appointment holds on the day, 表彰奖励, 再次调整 (with the finding that opens a new "
      "case) or 继续跟踪管理; with the cadre's history and the check of the method.",
      "Re-appointment checks each condition of the plan's template (the impact period by "
      "eligibility, with the day it lifts; the judgements someone recorded, with who and when; "
      "the plan followed; the task assessed), each cited with its tag; a condition not "
      "recorded is unknown and listed, never guessed. `check_only` decides nothing and answers "
      "the check. The history states each dated fact (adjusted, followed up, re-appointed) and "
      "no label (不贴标签); the method check flags a removal where the rules call for a fitting "
      "post, and the reverse.",
      R"({"as_of":"2024-03-13","plan_id":"f1","kind":"FOLLOW_UP_OUTCOME_KIND_COMMENDED",)"
      R"("cadre":)" CADRE_FOLLOWUP_CADRE "}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, `cadre` is missing or not valid, `plan_id` or `kind` "
        "is missing, `decided_on` is not a date, comes after `as_of` or before the plan's start, "
        "or a recorded fact lacks its key, who recorded it or its day (the error names "
        "`facts[i]...`), or `method_facts.recorded_by` is missing for a fact set"},
       no_plan,
       {S::kFailedPrecondition,
        "the plan already has a final outcome (field `cadre.follow_up_plans[j].outcome`), or "
        "re-appointment is not allowed on the day (field `kind`; the message lists the "
        "conditions not met or unknown by key)"},
       {S::kResourceExhausted, "more than 1000 facts (field `facts`)"}}));
  // Statistics of what was done (docs/statistics.md): each over the request's regions, units,
  // cases (case_digest) and cadres, one record at a time.
  const StatusDoc bad_statistics_list{
      S::kInvalidArgument,
      "a region, unit or case of the request is not valid: an entry in `errors` names it "
      "(`units[3].kind`, `cases[0].opened_on`) and the others are counted"};
  table.push_back(operation<&statistics>(
      "statistics",
      "Counts the adjustments carried out in a range of days (from adjustment records and "
      "closed cases, not findings due): total, of which 问责追究调整 and 不适宜担任现职调整, "
      "厅局级 "
      "and above, by channel, method, rank level, unit, region and quarter.",
      "The cadres are read one at a time and counted in one pass: memory holds the counters of "
      "the units and regions, never the cadres. An adjustment counts on the day it was carried "
      "out (`executed_on`) at the post it left; a case closed with its last "
      "stage completed counts when the cadre has no adjustment record of its channel in the "
      "range. A bad record does not fail the call: it gives an entry in the response's `errors` "
      "(with its field path) and the others are counted.",
      R"({"from":"2025-01-01","to":"2025-12-31","cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument,
        "`from` or `to` is missing or not a date, or `to` comes before `from` or more than 100 "
        "years after it"},
       bad_statistics_list}));
  table.back().run = &statistics_run;
  table.push_back(operation<&quarterly_dispatch>(
      "quarterly_dispatch",
      "The quarterly dispatch (每季一调度) per unit and region: cadres due, procedures opened, in "
      "progress and overdue (working days), adjustments done, follow-up talks due and overdue, "
      "re-appointments, and the units furthest behind.",
      "Due: cadres with a finding on the quarter's last day; the procedures come from the "
      "request's `cases` (the store operation case_digest as of that day); the talks from the "
      "cadres' follow-up plans. A bad record does not fail the call: it gives an entry in the "
      "response's `errors` and the others are counted.",
      R"({"year":2025,"quarter":2,"cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument,
        "`year` is not from 1 to 9999, `quarter` not from 1 to 4, or `behind` not from 0 to "
        "1000"},
       bad_statistics_list}));
  table.back().run = &quarterly_dispatch_run;
  table.push_back(operation<&annual_bulletin>(
      "annual_bulletin",
      "The annual bulletin (年度一通报): the year's adjustments and last year's, by quarter, "
      "channel, method and rank level; the unit special assessment (timeliness and "
      "completeness, weighted) and its ranking; the notable cases as counts.",
      "The score is cadre's own policy (docs/statistics.md): 100 times the weighted mean of "
      "timeliness and completeness, the weights in `weights`. A bad record does not fail the "
      "call: it gives an entry in the response's `errors` and the others are counted.",
      R"({"year":2025,"cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument,
        "`year` is not from 1 to 9999, or a weight is negative or not a number, or both are 0 "
        "(field `weights`)"},
       bad_statistics_list}));
  table.back().run = &annual_bulletin_run;
  // Precise identification (docs/identification.md): profiles, teams, peer groups, the four
  // types and the 优秀 quota, over the request's cadres.
  table.push_back(operation<&identify>(
      "identify",
      "Precise identification (精准识别) as of a day: each cadre's 德能勤绩廉 profile over the "
      "years, the reverse evaluation (反向测评) and vertical comparison of each team, the "
      "horizontal comparison of the same post across regions, the four-type indicators "
      "(占位型、休眠型、颓废型、平庸型) and the 优秀 quota of each unit.",
      "A four-type indicator is a signal that needs verification (待核实), never a verdict: it "
      "names the facts that fired it, and its thresholds are cadre's own policy, configurable "
      "in `parameters`. No evaluation statistic is shown for fewer raters than "
      "`parameters.anonymity_floor` (default 5), and complementary cells are hidden too, so that "
      "no rater's vote can be inferred; no percentile is shown for a peer group smaller than "
      "`parameters.min_group`. The 优秀 quota is cited with its verification tag (RECALLED: "
      "configurable policy). A bad record does not fail the call: it gives an entry in the "
      "response's `errors` (with its field path) and the others are answered.",
      R"({"as_of":"2025-06-30","cadres":[)" CADRE_EXAMPLE_CADRE "]}",
      {{S::kInvalidArgument,
        "`as_of` is missing or not a date, `year` is not from 1 to 9999, `years` not from 0 to "
        "20, `unit_id` is not an id, or a threshold is out of range (the error names it, e.g. "
        "`parameters.anonymity_floor`)"}}));
  table.back().run = &identify_run;
  table.push_back(operation<&render_report>(
      "render_report",
      "A quarterly dispatch or an annual bulletin (the response of quarterly_dispatch or "
      "annual_bulletin) as one self-contained HTML page: inline SVG charts, each with its data in "
      "a table, and a print stylesheet for A4.",
      "The charts: adjustments by channel, by quarter (annual), the units ranked (annual) or "
      "furthest behind (quarterly), by rank level, and from due to follow-up. The page has no "
      "script and fetches nothing; every text of the message is HTML-escaped. zh-CN by default, "
      "English on request. The audience decides what the page names: the organisation "
      "department sees units, regions and the records not read with their ids; the units see "
      "units and regions; the public (the redacted variant) sees counts only. Unspecified: the "
      "quarterly dispatch's default is the organisation department, the annual bulletin's the "
      "units (docs/statistics.md).",
      R"({"annual_bulletin":{"period":{"from":"2025-01-01","to":"2025-12-31","year":2025},)"
      R"("total":{"adjusted":{"adjusted_down":2,"accountability":1,"by_channel":[{"channel":)"
      R"("CHANNEL_ACCOUNTABILITY","cadres":1},{"channel":"CHANNEL_AGE_LIMIT","cadres":1}]}}},)"
      R"("language":"REPORT_LANGUAGE_EN","audience":"REPORT_AUDIENCE_PUBLIC"})",
      {{S::kInvalidArgument,
        "neither report is given (field `report`), a period's day is missing or not a date (the "
        "error names it, e.g. `annual_bulletin.period.from`), or the language or audience is "
        "unknown"}}));
  // Procedure cases in a case store (docs/case-log.md, docs/case-store.md). The examples run
  // in the table's order on one new store (case_import's on another, with the file
  // case_export's wrote).
  const StatusDoc no_store{S::kFailedPrecondition,
                           "no store was given (field `store`); or a stored case follows a "
                           "procedure definition the engine lacks (field `procedure_id`)"};
  const StatusDoc store_busy{S::kUnavailable,
                             "the store could not be read or written in time (locked, or an "
                             "I/O error)"};
  const StatusDoc broken_chain{S::kDataLoss,
                               "a stored case's chain does not verify or an event does not "
                               "decode (the error names `cases[\"ID\"].events[i]`)"};
  const StatusDoc unknown_case{S::kNotFound, "no case has `case_id`"};
  table.push_back(store_operation<&case_open>(
      "case_open",
      "Opens a procedure case: from a finding of the screening (问责 or 不适宜担任现职调整), "
      "re-derived from the cadre's record, or from the cadre's 诫勉 record; the opening event "
      "is the first of the case's chain.",
      "The definition in force on the finding's (or the 诫勉's) day for the region is followed; "
      "the response shows the stage awaited and its first deadline on the working-day calendar.",
      R"({"case_id":"case-1","cadre":{"id":"c1","sex":"SEX_MALE","birth_date":"1965-03-02",)"
      R"("early_warnings":[{"id":"w1","kind":"EARLY_WARNING_KIND_ADMONISHMENT",)"
      R"("issued_on":"2025-03-03"}]},"early_warning_id":"w1"})",
      {{S::kInvalidArgument,
        "`case_id` is missing or not an id, neither or both of `rule_id` and "
        "`early_warning_id` are given, `as_of` is missing for a finding, or the cadre's record "
        "does not validate (the error names the field under `cadre`)"},
       {S::kNotFound,
        "the cadre has no finding of `rule_id` as of `as_of`, no early-warning record "
        "`early_warning_id`, or no procedure definition is in force for the day and region"},
       {S::kAlreadyExists, "a case with `case_id` is in the store"},
       {S::kUnimplemented, "the finding's channel has no procedure shipped (field `channel`)"},
       store_busy,
       no_store}));
  table.push_back(store_operation<&case_record>(
      "case_record",
      "Records one step of a case: the reducer accepts it and appends it to the case's chain "
      "in one transaction, or refuses it with the reason and the rule broken.",
      "A refusal is an answer (accepted false, with the reason, the field of the event, a "
      "message in zh-CN and English and the citation), not an error: nothing is logged. The "
      "stored chain is verified and replayed first.",
      R"({"case_id":"case-1","event":{"stage":"self_examination","outcome":"submitted",)"
      R"("day":"2025-03-07","actor":{"role":"ACTOR_ROLE_THE_CADRE","level":)"
      R"("AUTHORITY_LEVEL_NONE"},"facts":[{"key":"submitted_on","type":"FACT_TYPE_DATE",)"
      R"("date":"2025-03-07"}],"documents":["self_examination"]}})",
      {{S::kInvalidArgument,
        "`case_id` or `event` is missing, the event is an opening, or a field of the event is "
        "not valid (the error names it under `event`)"},
       unknown_case,
       {S::kAborted,
        "the case's head is not `expected_head`, or moved while the step was appended: read "
        "the case again"},
       store_busy,
       broken_chain,
       no_store}));
  table.push_back(store_operation<&case_show>(
      "case_show",
      "A case as of a day: its stage, every stage's facts and documents, what is due next "
      "with the deadline, whether overdue and by how many working days, late steps and "
      "appeals; with its events when asked.",
      "", R"({"case_id":"case-1","as_of":"2025-03-12","with_events":true})",
      {{S::kInvalidArgument, "`case_id` is missing or `as_of` is not a date"},
       unknown_case,
       {S::kOutOfRange, "a deadline falls in a year the calendar lacks (field `date`)"},
       store_busy,
       broken_chain,
       no_store}));
  table.push_back(store_operation<&case_due>(
      "case_due",
      "What is due over every open case of the store as of a day, by deadline; only what is "
      "overdue when asked.",
      "A case whose chain does not verify or whose events do not replay is listed in "
      "`problems`, never skipped silently.",
      R"({"as_of":"2025-09-30","overdue_only":true})",
      {{S::kInvalidArgument, "`as_of` is missing or not a date"}, store_busy, no_store}));
  table.push_back(store_operation<&case_verify>(
      "case_verify",
      "Verifies the chain of one case, or of every case, against the store's count and head, "
      "and replays it: the index of the first event altered, removed, reordered or inserted.",
      "", R"({"case_id":"case-1"})", {unknown_case, store_busy, no_store}));
  table.push_back(store_operation<&case_digest>(
      "case_digest",
      "Every adjustment procedure of the store as of a day, as the statistics read it: opened, "
      "ended, carried out, working days overdue, late steps.",
      "Events after the day are verified but not applied. Give the digests as the `cases` of "
      "statistics, quarterly_dispatch or annual_bulletin. A case whose chain does not verify or "
      "whose events do not replay is listed in `problems`, never skipped silently.",
      R"({"as_of":"2025-09-30"})",
      {{S::kInvalidArgument, "`as_of` is missing or not a date"}, store_busy, no_store}));
  table.push_back(store_operation<&case_export>(
      "case_export",
      "Exports every case of the store to a file in the stream form (cadre.v1.CaseStoreRecord "
      "records), cases by id, each with its chained events.",
      "", R"({"path":"cadre-cases.export"})",
      {{S::kInvalidArgument, "`path` is missing"},
       {S::kUnavailable, "the file cannot be written; or the store could not be read"},
       no_store}));
  table.push_back(store_operation<&case_import>(
      "case_import",
      "Imports a file in the stream form into the store: every chain is verified before one "
      "commit, and a broken file is refused whole.",
      "", R"({"path":"cadre-cases.export"})",
      {{S::kInvalidArgument,
        "`path` is missing, or the file is not a stream of cases or a chain in it does not "
        "verify (the error names `cases[\"ID\"].events[i]`)"},
       {S::kNotFound, "the file cannot be opened"},
       {S::kAlreadyExists, "a case of the file is already in the store"},
       store_busy,
       no_store}));
  return table;
}

#undef CADRE_EXAMPLE_CADRE

const std::vector<Operation> &table() {
  static const std::vector<Operation> kTable = build_table();
  return kTable;
}

}  // namespace

std::string Operation::cli_command() const {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

const std::vector<StatusDoc> &common_statuses() {
  static const std::vector<StatusDoc> kCommon = {
      {StatusCode::kOk, "the response is in `out`"},
      {StatusCode::kInvalidArgument,
       "`out` or `engine` is NULL, `format` is unknown, or the request does not parse (the "
       "error names the field)"},
      {StatusCode::kResourceExhausted, "out of memory, or `request_size` over 2 GiB"},
      {StatusCode::kInternal, "a bug in cadre"},
  };
  return kCommon;
}

std::vector<StatusDoc> statuses_of(const Operation &op) {
  std::vector<StatusDoc> out = common_statuses();
  for (const StatusDoc &s : op.statuses) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const StatusDoc &d) { return d.code == s.code; });
    if (it == out.end()) {
      out.push_back(s);
    } else {
      it->when += "; or " + s.when;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const StatusDoc &a, const StatusDoc &b) { return a.code < b.code; });
  return out;
}

std::span<const Operation> operations() noexcept { return table(); }

const Operation *find_operation(std::string_view name) noexcept {
  for (const Operation &op : table()) {
    if (op.name == name) {
      return &op;
    }
  }
  return nullptr;
}

const Operation *find_command(std::string_view command) noexcept {
  for (const Operation &op : table()) {
    if (op.cli_command() == command) {
      return &op;
    }
  }
  return nullptr;
}

namespace {

// Puts in @p e why the record @p u did not parse.
void fill_unread(const codec::UnreadRecord &u, cadre::v1::RecordError &e) {
  e.Clear();
  e.set_index(u.index);
  e.set_field_path(u.status.field());
  e.set_message(u.status.message());
  e.set_code(static_cast<int>(u.status.code()));
}

}  // namespace

Status call(const Operation &op, const Engine &engine, const google::protobuf::Message &request,
            google::protobuf::Message &response, CaseStore *store) {
  if (request.GetDescriptor() != op.request->GetDescriptor() ||
      response.GetDescriptor() != op.response->GetDescriptor()) {
    return {StatusCode::kInternal, "operation " + std::string(op.name) + " called with " +
                                       request.GetDescriptor()->full_name() + " and " +
                                       response.GetDescriptor()->full_name()};
  }
  response.Clear();
  if (op.needs_store()) {
    if (store == nullptr) {
      return {StatusCode::kFailedPrecondition,
              "operation " + std::string(op.name) + " runs on a case store: open one first",
              "store"};
    }
    return op.store_handler(engine, *store, request, response);
  }
  return op.handler(engine, request, response);
}

Status call(const Operation &op, const Engine &engine, const google::protobuf::Message &request,
            const std::vector<codec::UnreadRecord> &unread, google::protobuf::Message &response,
            CaseStore *store) {
  if (auto st = call(op, engine, request, response, store); !st.ok() || unread.empty()) {
    return st;
  }
  namespace gp = ::google::protobuf;
  const gp::FieldDescriptor *errors = response.GetDescriptor()->FindFieldByName("errors");
  if (errors == nullptr || !errors->is_repeated() ||
      errors->message_type() != cadre::v1::RecordError::descriptor()) {
    response.Clear();
    return unread.front().status;  // no record errors to report it in: the request fails
  }
  const gp::Reflection *r = response.GetReflection();
  std::vector<bool> done(unread.size(), false);
  std::size_t next = 0;  // unread and errors are both in the order of the records
  for (int i = 0; i < r->FieldSize(response, errors) && next < unread.size(); ++i) {
    auto &e =
        static_cast<cadre::v1::RecordError &>(*r->MutableRepeatedMessage(&response, errors, i));
    while (next < unread.size() && unread[next].index < e.index()) {
      ++next;
    }
    if (next < unread.size() && unread[next].index == e.index() && unread[next].list == "cadres") {
      fill_unread(unread[next], e);
      done[next++] = true;
    }
  }
  // Never a silent loss: an unread record the handler did not report.
  for (std::size_t i = 0; i < unread.size(); ++i) {
    if (!done[i]) {
      fill_unread(unread[i],
                  static_cast<cadre::v1::RecordError &>(*r->AddMessage(&response, errors)));
    }
  }
  return {};
}

namespace {

namespace gp = ::google::protobuf;

// Answers elements held before the response is serialized and cleared.
constexpr int kBatch = 256;

// The `errors` of @p op's response; nullptr when it has none.
const gp::FieldDescriptor *errors_of(const Operation &op) {
  const gp::FieldDescriptor *errors = op.response->GetDescriptor()->FindFieldByName("errors");
  if (errors == nullptr || !errors->is_repeated() ||
      errors->message_type() != cadre::v1::RecordError::descriptor()) {
    return nullptr;
  }
  return errors;
}

// The run of @p op record by record (see call()): @p whole is set when the
// request must be read whole instead.
Status call_by_record(const Operation &op, const Engine &engine, const std::uint8_t *bytes,
                      std::size_t size, codec::Format format, std::string &out, bool &whole) {
  if (!runs_by_record(op)) {
    whole = true;  // a record that does not parse fails the request: call() below says so
    return {};
  }
  std::unique_ptr<gp::Message> head(op.request->New());
  if (auto st = codec::parse_head(bytes, size, format, *head, "request", whole);
      !st.ok() || whole) {
    return st;
  }
  std::unique_ptr<gp::Message> response(op.response->New());
  ResponseWriter writer(*response, format);
  if (auto st = run_by_record(op, engine, *head, bytes, size, format, op.request->GetDescriptor(),
                              nullptr, *response, [&](gp::Message &m) { return writer.flush(m); });
      !st.ok()) {
    return st;
  }
  return writer.finish(*response, out);
}

}  // namespace

Status call(const Operation &op, const Engine &engine, const std::uint8_t *bytes, std::size_t size,
            codec::Format format, std::string &out, CaseStore *store) {
  out.clear();
  if (op.run != nullptr) {
    bool whole = false;
    Status st = call_by_record(op, engine, bytes, size, format, out, whole);
    if (!whole) {
      if (!st.ok()) {
        out.clear();
      }
      return st;
    }
  }
  google::protobuf::Arena arena;
  google::protobuf::Message *request = op.request->New(&arena);
  std::vector<codec::UnreadRecord> unread;
  if (auto st = codec::parse_by_record(bytes, size, format, *request, "request", unread);
      !st.ok()) {
    return st;
  }
  google::protobuf::Message *response = op.response->New(&arena);
  if (auto st = call(op, engine, *request, unread, *response, store); !st.ok()) {
    return st;
  }
  return codec::serialize(*response, format, out);
}

bool runs_by_record(const Operation &op) { return op.run != nullptr && errors_of(op) != nullptr; }

Status run_by_record(const Operation &op, const Engine &engine, const gp::Message &head,
                     const std::uint8_t *bytes, std::size_t size, codec::Format format,
                     const gp::Descriptor *type, const CadreFilter &keep, gp::Message &response,
                     const ResponseFlush &flush) {
  const gp::FieldDescriptor *errors_field = errors_of(op);
  if (op.run == nullptr || errors_field == nullptr ||
      head.GetDescriptor() != op.request->GetDescriptor() ||
      response.GetDescriptor() != op.response->GetDescriptor()) {
    return {StatusCode::kInternal,
            "operation " + std::string(op.name) + " cannot be run record by record"};
  }
  const std::unique_ptr<RecordRun> run = op.run(engine);
  if (auto st = run->begin(head, response); !st.ok()) {
    return st;
  }
  const gp::Reflection *r = response.GetReflection();
  const auto error = [&](int i) -> cadre::v1::RecordError & {
    return static_cast<cadre::v1::RecordError &>(
        *r->MutableRepeatedMessage(&response, errors_field, i));
  };
  // The run reads the other lists (units, regions, cases) too, in the document's order.
  const bool lists = run->reads_lists();
  std::vector<codec::UnreadRecord> left;  // unread records the run did not report
  Status failed;
  int next = 0;  // the index of the next cadre answered
  codec::for_each_record(
      bytes, size, format, type,
      [&](const gp::FieldDescriptor &list, int position, const gp::Message &record,
          const Status &unread) {
        if (!failed.ok()) {
          return true;
        }
        if (list.name() != "cadres" || list.message_type() != cadre::v1::Cadre::descriptor()) {
          if (lists) {
            run->list_record(list, position, record, unread, response);
          }
          return true;
        }
        const auto &cadre = static_cast<const cadre::v1::Cadre &>(record);
        if (keep && !keep(cadre)) {
          return true;
        }
        const int index = next++;
        const int before = r->FieldSize(response, errors_field);
        run->record(cadre, index, response);
        if (!unread.ok()) {
          // Its entry in place of the one the run gave the empty record.
          codec::UnreadRecord u{list.name(), index, unread};
          const int after = r->FieldSize(response, errors_field);
          int i = before;
          while (i < after && error(i).index() != index) {
            ++i;
          }
          if (i < after) {
            fill_unread(u, error(i));
          } else {
            left.push_back(std::move(u));
          }
        }
        int held = 0;
        for (int f = 0; f < response.GetDescriptor()->field_count(); ++f) {
          const gp::FieldDescriptor *fd = response.GetDescriptor()->field(f);
          if (fd->is_repeated()) {
            held += r->FieldSize(response, fd);
          }
        }
        if (held >= kBatch) {
          failed = flush(response);
        }
        return failed.ok();
      },
      lists ? nullptr : type->FindFieldByName("cadres"));
  if (!failed.ok()) {
    return failed;
  }
  if (auto st = run->end(response, [&] { return flush(response); }); !st.ok()) {
    return st;
  }
  // Never a silent loss: an unread record the run did not report, after the
  // others (as the whole-message path puts it).
  if (!left.empty()) {
    if (auto st = flush(response); !st.ok()) {
      return st;
    }
    for (const codec::UnreadRecord &u : left) {
      fill_unread(u,
                  static_cast<cadre::v1::RecordError &>(*r->AddMessage(&response, errors_field)));
    }
  }
  return {};
}

void describe(cadre::v1::OperationList &out) {
  out.Clear();
  for (const Operation &op : table()) {
    cadre::v1::Operation *o = out.add_operations();
    o->set_name(std::string(op.name));
    o->set_c_symbol(op.c_symbol());
    o->set_cli_command(op.cli_command());
    o->set_request_type(op.request->GetDescriptor()->full_name());
    o->set_response_type(op.response->GetDescriptor()->full_name());
    o->set_brief(std::string(op.brief));
    o->set_details(std::string(op.details));
    for (const StatusDoc &s : statuses_of(op)) {
      cadre::v1::OperationStatus *st = o->add_statuses();
      st->set_code(static_cast<int>(s.code));
      st->set_name(status_code_name(static_cast<int>(s.code)));
      st->set_when(s.when);
    }
    o->set_example_request(std::string(op.example));
    o->set_needs_store(op.needs_store());
  }
}

}  // namespace cadre::service
