// cadre_apigen --python-types: the typed messages of the Python binding.
#ifndef CADRE_TOOLS_APIGEN_PYTHON_TYPES_HPP
#define CADRE_TOOLS_APIGEN_PYTHON_TYPES_HPP

#include <google/protobuf/descriptor.h>

#include <string>
#include <string_view>
#include <vector>

namespace cadre::tools {

/**
 * bindings/python/cadre/types.py: every message and enum of package cadre.v1
 * in @p files (and the files they import) of @p pool, as dataclasses and
 * IntEnums with the schema's comments as docstrings. Throws
 * std::runtime_error on a schema feature it does not support (maps, nested
 * types), so that a new one is noticed.
 */
std::string python_types(const google::protobuf::DescriptorPool &pool,
                         const std::vector<std::string> &files, std::string_view generated_by);

}  // namespace cadre::tools

#endif  // CADRE_TOOLS_APIGEN_PYTHON_TYPES_HPP
