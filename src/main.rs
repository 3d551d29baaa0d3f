//! The `masa` command.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    masa::cli::main()
}
