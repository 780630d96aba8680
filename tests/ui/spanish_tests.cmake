# Tests of the Spanish interface (issue 15): the .ts file is complete, and the real
# window shows no English string with the Spanish translation loaded.
target_sources(ui_tests PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/test_spanish_interface.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/translation_check.cpp)
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)
string(REPLACE ";" " " lupdate_options "${CONVSTUDIO_LUPDATE_OPTIONS}")
set_property(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/test_spanish_interface.cpp APPEND PROPERTY COMPILE_DEFINITIONS
    CONVSTUDIO_TS_FILE="${CONVSTUDIO_TS_FILES}"
    CONVSTUDIO_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
    CONVSTUDIO_LUPDATE_OPTIONS="${lupdate_options}")
list(APPEND UI_TEST_CLASSES TranslationFileTest SpanishInterfaceTest)
