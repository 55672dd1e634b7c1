/**
 * @file cadre/export.h
 * @brief Symbol visibility and declaration macros of the C ABI.
 *
 * `CADRE_API` marks every exported C function. It expands to default
 * visibility (ELF) or `__declspec(dllexport/dllimport)` (Windows). Define
 * `CADRE_STATIC` when linking a static build so that it expands to nothing.
 *
 * `CADRE_DEPRECATED(msg)` marks an entry point that a later major version
 * will remove: a call to it compiles, with a warning that says what to use
 * instead. Define `CADRE_DISABLE_DEPRECATE_WARNINGS` to silence those
 * warnings. A deprecated entry point keeps working, unchanged, for the rest
 * of its major version (docs/conventions.md, "Versions").
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

#ifndef CADRE_DEPRECATED
#if defined(CADRE_DISABLE_DEPRECATE_WARNINGS)
#define CADRE_DEPRECATED(msg)
#elif defined(__cplusplus) && __cplusplus >= 201402L
#define CADRE_DEPRECATED(msg) [[deprecated(msg)]]
#elif defined(__GNUC__) || defined(__clang__)
#define CADRE_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#define CADRE_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#define CADRE_DEPRECATED(msg)
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
