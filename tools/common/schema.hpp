// Loading the schema from a FileDescriptorSet (protoc --include_imports
// [--include_source_info] --descriptor_set_out), for the generators.
#ifndef CADRE_TOOLS_COMMON_SCHEMA_HPP
#define CADRE_TOOLS_COMMON_SCHEMA_HPP

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cadre::tools {

/**
 * Builds the files of the FileDescriptorSet at @p path into @p pool and
 * returns their names, in the set's order (dependencies first). Throws
 * std::runtime_error when the file cannot be read or a file cannot be built.
 */
inline std::vector<std::string> load_descriptor_set(const std::string &path,
                                                    google::protobuf::DescriptorPool &pool) {
  std::ifstream in(path, std::ios::binary);
  google::protobuf::FileDescriptorSet set;
  if (!in || !set.ParseFromIstream(&in)) {
    throw std::runtime_error("cannot read the descriptor set " + path);
  }
  std::vector<std::string> files;
  for (const google::protobuf::FileDescriptorProto &file : set.file()) {
    if (pool.BuildFile(file) == nullptr) {
      throw std::runtime_error(path + ": cannot build " + file.name());
    }
    files.push_back(file.name());
  }
  return files;
}

}  // namespace cadre::tools

#endif  // CADRE_TOOLS_COMMON_SCHEMA_HPP
