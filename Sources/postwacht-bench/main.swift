import Dispatch
import Foundation
import PostwachtCore

// Throughput of the whole pipeline (decode → tokens → rules → findings) on a generated corpus of
// realistic Dutch school posts: one core, all cores, and one core with the tokenizer's fast path off.
// Run: swift run -c release postwacht-bench [megabytes] [stage ...]
// Stages: pipeline, parallel, icu, tokens, families (default: all), and one family alone: profanity-only,
// privacy-only, conduct-only; each-rule (not in the default: every rule alone, to see what each costs).
// One stage alone is what `perf record` wants.
// Load test of a running `postwacht serve`: postwacht-bench load --rate 2000 --seconds 10

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "export" {
    // postwacht-bench export <megabytes> <file.jsonl>: the corpus as a JSONL export, for timing `postwacht audit`.
    guard arguments.count == 3, let size = Int(arguments[1]) else {
        FileHandle.standardError.write(Data("usage: postwacht-bench export <megabytes> <file.jsonl>\n".utf8))
        exit(2)
    }
    try ExportWriter.write(megabytes: size, to: arguments[2])
    exit(0)
}
if arguments.first == "load" {
    // postwacht-bench load [--url URL] [--rate N] [--seconds N] [--bytes N] [--connections N]
    LoadTest.run(LoadTest.parse(Array(arguments.dropFirst())))
    exit(0)
}
let megabytes = arguments.first.flatMap(Int.init) ?? 64
let families = ["profanity", "privacy", "conduct"]
let defaultStages = ["pipeline", "parallel", "icu", "tokens", "families"]
let knownStages = defaultStages + families.map { $0 + "-only" } + ["each-rule"]
let requestedStages = arguments.filter { Int($0) == nil }
if let unknown = requestedStages.first(where: { !knownStages.contains($0) }) {
    FileHandle.standardError.write("postwacht-bench: unknown stage '\(unknown)'; stages: \(knownStages.joined(separator: ", "))\n".data(using: .utf8)!)
    exit(2)
}
let stages = requestedStages.isEmpty ? defaultStages : requestedStages
let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
let resources: LinterResources
do {
    resources = try LinterResources.load(from: LinterResources.locateLexicons(explicit: nil, executablePath: executable))
} catch {
    FileHandle.standardError.write(Data("postwacht-bench: \(error.description)\n".utf8))
    exit(2)
}
let linter = Linter(resources: resources)

let corpus = BenchmarkCorpus.generate(bytes: megabytes * 1_000_000)
let totalBytes = corpus.reduce(0) { $0 + $1.bytes.count }
print("corpus: \(corpus.count) posts, \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB, ICU \(ICUVersion.string), \(ProcessInfo.processInfo.activeProcessorCount) cores")

func measure(_ label: String, repetitions: Int = 3, _ body: () -> Int) {
    var best = Double.infinity
    var findings = 0
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        findings = body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let megabytesPerSecond = Double(totalBytes) / 1e6 / best
    let postsPerSecond = Double(corpus.count) / best
    print(String(format: "%-34@ %8.1f MB/s %10.0f posts/s   (%d findings, best of %d)", label as NSString, megabytesPerSecond, postsPerSecond, findings, repetitions))
}

func scan(_ records: ArraySlice<Record>, fastPath: Bool = true, linter: Linter = linter) -> Int {
    let checker = try! linter.makeChecker()
    checker.usesTokenizerFastPath = fastPath
    var findings = 0
    for record in records {
        if case .checked(let result) = checker.lint(record) { findings += result.findings.count }
    }
    return findings
}

if stages.contains("pipeline") { measure("one core") { scan(corpus[...]) } }
let cores = ProcessInfo.processInfo.activeProcessorCount
if stages.contains("parallel") { measure("all cores (\(cores))") {
    let chunk = (corpus.count + cores - 1) / cores
    let counts = FindingCounts(workers: cores)
    DispatchQueue.concurrentPerform(iterations: cores) { worker in
        let slice = corpus[min(worker * chunk, corpus.count)..<min((worker + 1) * chunk, corpus.count)]
        counts.set(worker, scan(slice))
    }
    return counts.total
} }
if stages.contains("icu") { measure("one core, ICU tokens only", repetitions: 1) { scan(corpus[...], fastPath: false) } }

/// Per-worker finding counts; each worker writes only its own slot.
final class FindingCounts: @unchecked Sendable {
    private var counts: [Int]
    private let lock = NSLock()
    init(workers: Int) { counts = Array(repeating: 0, count: workers) }
    func set(_ worker: Int, _ count: Int) { lock.lock(); counts[worker] = count; lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return counts.reduce(0, +) }
}
if stages.contains("tokens") { measure("one core, decode + tokens only", repetitions: 3) {
    let checker = try! linter.makeChecker()
    var tokens = 0 // reported in the findings column
    for record in corpus { tokens += (try? checker.document(for: record))?.tokens.count ?? 0 }
    return tokens
} }
if stages.contains("families") {
    let noRules = Linter(resources: resources, rules: [])
    measure("one core, no rules (tokens, keys, facets)") { scan(corpus[...], linter: noRules) }
}
for family in families where stages.contains("families") || stages.contains(family + "-only") {
    let subset = Linter(resources: resources, rules: RuleRegistry.all.filter { $0.description.id.hasPrefix(family + ".") })
    measure("one core, \(family) rules only") { scan(corpus[...], linter: subset) }
}
if stages.contains("each-rule") {
    for rule in RuleRegistry.all {
        let alone = Linter(resources: resources, rules: [rule])
        measure("one core, only \(rule.description.id)") { scan(corpus[...], linter: alone) }
    }
}
