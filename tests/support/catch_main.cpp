// The Catch2 main shared by the non-GUI test executables.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
