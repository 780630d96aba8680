# Tests of the inspect page: target_sources(ui_tests PRIVATE ...) and list(APPEND UI_TEST_CLASSES ...).
