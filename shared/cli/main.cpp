#include <iostream>

#include "shared/cli/cli_app.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return ducha::cli::run_cli(args, std::cout, std::cerr);
}
