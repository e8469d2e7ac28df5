import BoxOfficeApp

/// Everything lives in the library; the executable only names the entry point.
@main
extension BoxOfficeCommand {}
