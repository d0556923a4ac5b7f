# Warning and sanitizer flags shared by every madoguchi target.
add_library(madoguchi_flags INTERFACE)
target_compile_options(madoguchi_flags INTERFACE -Wall -Wextra -Wpedantic)
target_include_directories(madoguchi_flags INTERFACE ${PROJECT_SOURCE_DIR})
if(MADOGUCHI_SANITIZE)
  target_compile_options(madoguchi_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(madoguchi_flags INTERFACE -fsanitize=address,undefined)
endif()
