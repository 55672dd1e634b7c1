// The operations on procedure cases kept in a case store (issue 10 §5): the
// handlers of the rows case_open ... case_import of the operation table.
// Internal to libcadre and the CLI; never installed.
#ifndef CADRE_SRC_SERVICE_CASE_SERVICE_HPP
#define CADRE_SRC_SERVICE_CASE_SERVICE_HPP

#include "cadre/case.hpp"
#include "cadre/case_log.hpp"
#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/case_service.pb.h"

namespace cadre::service {

/** Opens a case from a finding re-derived from the cadre's record, or from a 诫勉 record. */
Status case_open(const Engine &engine, CaseStore &store, const cadre::v1::CaseOpenRequest &request,
                 cadre::v1::CaseOpenResponse &response);

/** Applies one step and, when accepted, appends it to the case's chain. */
Status case_record(const Engine &engine, CaseStore &store,
                   const cadre::v1::CaseRecordRequest &request,
                   cadre::v1::CaseRecordResponse &response);

/** A case's state and what is due as of a day. */
Status case_show(const Engine &engine, CaseStore &store, const cadre::v1::CaseShowRequest &request,
                 cadre::v1::CaseShowResponse &response);

/** What is due (or overdue) over every case of the store as of a day. */
Status case_due(const Engine &engine, CaseStore &store, const cadre::v1::CaseDueRequest &request,
                cadre::v1::CaseDueResponse &response);

/** Verifies the chain of one case, or of every case, and replays it. */
Status case_verify(const Engine &engine, CaseStore &store,
                   const cadre::v1::CaseVerifyRequest &request,
                   cadre::v1::CaseVerifyResponse &response);

/** Exports every case to a file in the stream form. */
Status case_export(const Engine &engine, CaseStore &store,
                   const cadre::v1::CaseExportRequest &request,
                   cadre::v1::CaseExportResponse &response);

/** Imports a file in the stream form, all or nothing. */
Status case_import(const Engine &engine, CaseStore &store,
                   const cadre::v1::CaseImportRequest &request,
                   cadre::v1::CaseImportResponse &response);

/**
 * Reads a step from its message; errors name the field under @p path
 * ("event.facts[2].date").
 */
StatusOr<CaseEvent> decode_case_event(const cadre::v1::CaseEvent &in, const std::string &path);

/** Writes an event as its message. */
void encode_case_event(const CaseEvent &in, cadre::v1::CaseEvent &out);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_CASE_SERVICE_HPP
