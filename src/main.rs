fn main() {
    std::process::exit(citelint::cli::main());
}
