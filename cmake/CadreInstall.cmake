# Install rules and package files of cadre (included when CADRE_INSTALL is ON).
#
# What a consumer gets under the prefix:
#   include/cadre/...                    public headers (C ABI and C++ API) + the generated
#                                        version.h, operations.h and enums.hpp
#   lib/libcadre.so.<ABI>, libcadre.so   the C ABI (component cadre_runtime; the
#                                        namelink is in cadre_development)
#   lib/libcadre-cpp.a                   the C++ API (cadre::cadre)
#   lib/cmake/cadre/                     cadreConfig.cmake, cadreConfigVersion.cmake,
#                                        cadreTargets*.cmake (targets cadre::cadre, cadre::shared)
#   lib/pkgconfig/cadre.pc               the C ABI for non-CMake builds
#
# Components: cadre_runtime (the shared library only) and cadre_development
# (everything needed to build against cadre). `cmake --install` without
# --component installs both.
#
# Protobuf, cadre_codec and cadre_proto are implementation details of
# libcadre.so: none of them is installed, exported or required by a consumer.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CADRE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/cadre"
  CACHE STRING "Where cadreConfig.cmake is installed, relative to the prefix")
set(CADRE_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
  CACHE STRING "Where cadre.pc is installed, relative to the prefix")
mark_as_advanced(CADRE_INSTALL_CMAKEDIR CADRE_INSTALL_PKGCONFIGDIR)

# ---------------------------------------------------------------------------
# Public headers, listed explicitly (paths relative to include/). A header
# under include/cadre that is not listed here is not installed, and the test
# packaging.headers fails; add new public headers to this list.
set(CADRE_PUBLIC_HEADERS
  cadre/cadre.h
  cadre/export.h
  cadre/cadre.hpp
  cadre/adjustment.hpp
  cadre/assessment.hpp
  cadre/calendar.hpp
  cadre/case.hpp
  cadre/case_log.hpp
  cadre/catalogue.hpp
  cadre/conduct.hpp
  cadre/date.hpp
  cadre/domain.hpp
  cadre/eligibility.hpp
  cadre/exemption.hpp
  cadre/exemption_case.hpp
  cadre/facts.hpp
  cadre/followup.hpp
  cadre/followup_catalogue.hpp
  cadre/followup_plan.hpp
  cadre/organisation.hpp
  cadre/procedure_definition.hpp
  cadre/records.hpp
  cadre/report.hpp
  cadre/roster.hpp
  cadre/finding.hpp
  cadre/labels.hpp
  cadre/screening.hpp
  cadre/sources.hpp
  cadre/sqlite_store.hpp
  cadre/statistics.hpp
  cadre/status.hpp
  cadre/tolerance.hpp
  cadre/rules/retirement.hpp)

# Warn at configure time too, so that a forgotten header shows up early.
file(GLOB_RECURSE _cadre_all_headers RELATIVE "${PROJECT_SOURCE_DIR}/include"
  "${PROJECT_SOURCE_DIR}/include/cadre/*.h"
  "${PROJECT_SOURCE_DIR}/include/cadre/*.hpp")
foreach(_h IN LISTS _cadre_all_headers)
  if(NOT _h IN_LIST CADRE_PUBLIC_HEADERS)
    message(WARNING "include/${_h} is not in CADRE_PUBLIC_HEADERS "
      "(cmake/CadreInstall.cmake) and will not be installed.")
  endif()
endforeach()

foreach(_h IN LISTS CADRE_PUBLIC_HEADERS)
  get_filename_component(_dir "${_h}" DIRECTORY)
  install(FILES "${PROJECT_SOURCE_DIR}/include/${_h}"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/${_dir}"
    COMPONENT cadre_development)
endforeach()
install(FILES "${PROJECT_BINARY_DIR}/include/cadre/version.h"
  "${PROJECT_BINARY_DIR}/include/cadre/operations.h"
  "${PROJECT_BINARY_DIR}/include/cadre/enums.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/cadre"
  COMPONENT cadre_development)

# ---------------------------------------------------------------------------
# Targets.
install(TARGETS cadre_cpp cadre_shared
  EXPORT cadreTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    COMPONENT cadre_runtime
    NAMELINK_COMPONENT cadre_development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    COMPONENT cadre_development
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    COMPONENT cadre_runtime)
# (The include directory comes from the targets' $<INSTALL_INTERFACE:...>.)

install(EXPORT cadreTargets
  NAMESPACE cadre::
  DESTINATION "${CADRE_INSTALL_CMAKEDIR}"
  FILE cadreTargets.cmake
  COMPONENT cadre_development)

# ---------------------------------------------------------------------------
# Dependencies a consumer must find. cadre_shared links everything PRIVATE, so
# its export carries no link dependency. cadre_cpp is a static library: any
# imported target it links (even PRIVATE) appears in its export as
# $<LINK_ONLY:...> and must be found by cadreConfig.cmake. Protobuf must never
# be one of them.
set(CADRE_CONFIG_DEPENDENCIES "")
get_target_property(_cadre_cpp_links cadre_cpp LINK_LIBRARIES)
if(_cadre_cpp_links)
  foreach(_lib IN LISTS _cadre_cpp_links)
    if(_lib MATCHES "^protobuf::|[Pp]rotobuf")
      message(SEND_ERROR "cadre_cpp links ${_lib}: the C++ API must not depend on protobuf.")
    elseif(_lib MATCHES "^Boost::" AND NOT CADRE_CONFIG_DEPENDENCIES MATCHES "Boost")
      string(APPEND CADRE_CONFIG_DEPENDENCIES "find_dependency(Boost)\n")
    elseif(_lib STREQUAL "SQLite::SQLite3")
      string(APPEND CADRE_CONFIG_DEPENDENCIES "find_dependency(SQLite3)\n")
    endif()
  endforeach()
endif()

# ---------------------------------------------------------------------------
# Package version compatibility. From 1.0 the C ABI and the C++ API are stable
# within a major version (SameMajorVersion; the major version is the ABI
# version). A 0.x release (none is made any more) promised only its minor.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_cadre_compat SameMinorVersion)
else()
  set(_cadre_compat SameMajorVersion)
endif()

set(_cadre_pkg_dir "${PROJECT_BINARY_DIR}/CadreInstall")

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/cadreConfig.cmake.in"
  "${_cadre_pkg_dir}/cadreConfig.cmake"
  INSTALL_DESTINATION "${CADRE_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${_cadre_pkg_dir}/cadreConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY ${_cadre_compat})
install(FILES
  "${_cadre_pkg_dir}/cadreConfig.cmake"
  "${_cadre_pkg_dir}/cadreConfigVersion.cmake"
  DESTINATION "${CADRE_INSTALL_CMAKEDIR}"
  COMPONENT cadre_development)

# Build tree: find_package(cadre) with cadre_DIR=<build dir> uses the targets
# of the build tree directly.
export(EXPORT cadreTargets
  NAMESPACE cadre::
  FILE "${PROJECT_BINARY_DIR}/cadreTargets.cmake")
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/cadreConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cadreConfig.cmake"
  INSTALL_DESTINATION "${PROJECT_BINARY_DIR}"
  INSTALL_PREFIX "${PROJECT_BINARY_DIR}")
configure_file("${_cadre_pkg_dir}/cadreConfigVersion.cmake"
  "${PROJECT_BINARY_DIR}/cadreConfigVersion.cmake" COPYONLY)

# ---------------------------------------------------------------------------
# pkg-config. The prefix is written at install time, so that
# `cmake --install <build> --prefix <dir>` and DESTDIR staging both give a
# cadre.pc with the prefix the files are really installed under.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CADRE_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(CADRE_PC_LIBDIR "\${exec_prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CADRE_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CADRE_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
set(CADRE_PC_PREFIX "@CADRE_PC_PREFIX@")  # kept for the install-time pass
configure_file("${CMAKE_CURRENT_LIST_DIR}/cadre.pc.in"
  "${_cadre_pkg_dir}/cadre.pc.stage" @ONLY)
install(CODE "
  set(CADRE_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${_cadre_pkg_dir}/cadre.pc.stage\"
    \"${_cadre_pkg_dir}/cadre.pc\" @ONLY)
" COMPONENT cadre_development)
install(FILES "${_cadre_pkg_dir}/cadre.pc"
  DESTINATION "${CADRE_INSTALL_PKGCONFIGDIR}"
  COMPONENT cadre_development)

unset(_cadre_all_headers)
unset(_cadre_cpp_links)
unset(_cadre_compat)
unset(_cadre_pkg_dir)
