/**
 * @file cadre/export.h
 * @brief Symbol visibility and declaration macros of the C ABI.
 *
 * `CADRE_API` marks every exported C function. It expands to default
 * visibility (ELF) or `__declspec(dllexport/dllimport)` (Windows). Define
 * `CADRE_STATIC` when linking a static build so that it expands to nothing.
 */
#ifndef CADRE_EXPORT_H
#define CADRE_EXPORT_H

#ifndef CADRE_API
#if defined(CADRE_STATIC)
#define CADRE_API
#elif defined(_WIN32)
#if defined(CADRE_BUILDING)
#define CADRE_API __declspec(dllexport)
#else
#define CADRE_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define CADRE_API __attribute__((visibility("default")))
#else
#define CADRE_API
#endif
#endif

#ifdef __cplusplus
#define CADRE_BEGIN_DECL extern "C" {
#define CADRE_END_DECL }
#else
#define CADRE_BEGIN_DECL
#define CADRE_END_DECL
#endif

#endif /* CADRE_EXPORT_H */
