#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>
#include <iostream>

#include "app/byte_size.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "model/suggest.hpp"
#include "version.hpp"

namespace folio {

int run_cli(int argc, char** argv) {
    CLI::App app{"folio: turns Markdown posts into a typeset PDF briefing pack and an EPUB 3 collection."};
    app.set_version_flag("--version", std::string("folio ") + version);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  folio build                         read input/, write out/briefing-pack.pdf and out/collection.epub\n"
        "  folio build --input posts --out public --jobs 4\n"
        "  folio build --archive               also out/briefing-pack-archive.pdf (libharu, sources attached)\n"
        "  folio check --input input           report every problem, write nothing\n"
        "  folio dump input/2017-02-06-actions-not-words.md   print the document model of one post\n"
        "\n"
        "Exit status: 0 success (warnings allowed), 1 errors in the input, 2 usage or I/O errors.\n"
        "SOURCE_DATE_EPOCH, when set, fixes every date in the outputs.");

    BuildOptions build;
    auto* build_cmd = app.add_subcommand("build", "Read, check and write the briefing pack and the EPUB");
    build_cmd->add_option("--input", build.input_dir, "Folder of posts (default: input)");
    build_cmd->add_option("--out", build.out_dir, "Folder for the outputs (default: out)");
    build_cmd->add_flag("--archive", build.archive,
                        "Also write each pack's archive edition, <pdf>-archive.pdf (sources attached, PDF/A-3b)");
    build_cmd->add_option("--jobs,-j", build.jobs, "Worker threads (default: one per core)")->check(CLI::Range(0u, 256u));
    auto* quiet = build_cmd->add_flag("--quiet,-q", build.quiet, "Print only problems");
    auto* cache_dir =
        build_cmd->add_option("--cache", build.cache_dir, "Folder of the build cache (default: OUT/.folio-cache)");
    build_cmd->add_flag("--no-cache", build.no_cache, "Neither read nor write the build cache; redraw every pack")
        ->excludes(cache_dir);
    std::string cache_size;
    build_cmd->add_option("--cache-size", cache_size,
                          "Most the cache keeps after a build, e.g. 512M or 2G (default: 1G)");
    build_cmd->add_flag("--verbose,-v", build.verbose, "Per-post and per-stage timings on standard error")
        ->excludes(quiet);

    std::filesystem::path check_input = "input";
    auto* check_cmd = app.add_subcommand("check", "Read and check every input; write nothing");
    check_cmd->add_option("--input", check_input, "Folder of posts (default: input)");

    std::filesystem::path dump_file;
    auto* dump_cmd = app.add_subcommand("dump", "Print the document model of one post as text");
    dump_cmd->add_option("FILE", dump_file, "A post (Markdown with front matter)")->required();

    // CLI11 answers a misspelt command, or an option before the command, with
    // "A subcommand is required", which sends the reader looking for the wrong
    // mistake: name what was not understood instead.
    if (argc > 1) {
        const std::string first = argv[1];
        const std::vector<std::string> commands{"build", "check", "dump"};
        const bool known = first == "-h" || first == "--help" || first == "--version" ||
                           std::find(commands.begin(), commands.end(), first) != commands.end();
        if (!known) {
            if (first.starts_with("-")) {
                std::cerr << "folio: error: unknown option '" << first << "' before the command\n"
                          << "  hint: options go after the command they belong to, e.g. folio build --out public;"
                             " folio --help lists the commands\n";
            } else {
                const std::string near = closest_match(first, commands);
                std::cerr << "folio: error: unknown command '" << first << "'\n"
                          << "  hint: "
                          << (near.empty() ? "the commands are build, check and dump (folio --help)"
                                           : "did you mean 'folio " + near + "'?")
                          << '\n';
            }
            return exit_usage_error;
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        // CLI11 returns 0 for --help and --version; every real usage error is 2.
        return code == 0 ? exit_ok : exit_usage_error;
    }

    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
        build.source_date_epoch = parse_source_date_epoch(sde);
        if (!build.source_date_epoch) {
            std::cerr << "folio: error: SOURCE_DATE_EPOCH='" << sde << "' is not a number of seconds\n";
            return exit_usage_error;
        }
    }

    if (*build_cmd && !cache_size.empty()) {
        auto bytes = parse_byte_size(cache_size);
        if (!bytes) {
            std::cerr << "folio: error: --cache-size '" << cache_size << "' is not a size\n"
                      << "  hint: " << byte_size_units << "\n";
            return exit_usage_error;
        }
        build.cache_size = *bytes;
    }
    if (*build_cmd) {
        build.input_dir = folder_spelling(build.input_dir);
        build.out_dir = folder_spelling(build.out_dir);
        if (!build.cache_dir.empty()) build.cache_dir = folder_spelling(build.cache_dir);
        return run_build(build, std::cout, std::cerr);
    }
    if (*check_cmd) return run_check(folder_spelling(check_input), std::cout, std::cerr);
    if (*dump_cmd) return run_dump(dump_file, std::cout, std::cerr);
    return exit_usage_error;
}

}  // namespace folio
