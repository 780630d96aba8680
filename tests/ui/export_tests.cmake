# Tests of exporting views (context menus, File > Export: PNG, SVG, CSV).
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_export.cpp)
list(APPEND UI_TEST_CLASSES ExportTest)
