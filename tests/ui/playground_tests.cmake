# Tests of the playground page: target_sources(ui_tests PRIVATE ...) and list(APPEND UI_TEST_CLASSES ...).
