import Foundation

/// Why a file could not be read as a study record; the message names what was expected.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }
}

/// Reads one ClinicalTrials.gov API v2 study record, recognising the files people save by mistake.
public enum RecordReader {
    /// Real records with results are well under 2 MB; anything larger than this is not one study.
    public static let maximumBytes = 32 * 1024 * 1024

    static let expected = "expected one ClinicalTrials.gov API v2 study record (the JSON of GET https://clinicaltrials.gov/api/v2/studies/NCT…, an object with protocolSection.identificationModule.nctId)"

    public static func read(file: String) throws -> CTGovStudy {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else {
            throw RecordError(file: file, message: "cannot read the file")
        }
        if size > maximumBytes {
            throw RecordError(file: file, message: "the file is \(size / 1_048_576) MB, more than the \(maximumBytes / 1_048_576) MB a study record can be; \(expected)")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw RecordError(file: file, message: "cannot read the file") }
        return try decode(data, file: file)
    }

    public static func decode(_ data: Data, file: String) throws -> CTGovStudy {
        let head = String(decoding: data.prefix(512), as: UTF8.self).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if head.isEmpty { throw RecordError(file: file, message: "the file is empty; \(expected)") }
        if head.hasPrefix("<") {
            throw RecordError(file: file, message: "this is HTML or XML (a saved web page?), not JSON; \(expected)")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw RecordError(file: file, message: "not valid JSON (\(jsonProblem(error, data))); \(expected)")
        }
        guard let top = object as? [String: Any] else {
            throw RecordError(file: file, message: "the JSON is a list or a single value, not an object; \(expected)")
        }
        if top["FullStudiesResponse"] != nil || top["StudyFieldsResponse"] != nil {
            throw RecordError(file: file, message: "this is an API v1 response (FullStudiesResponse), retired in 2024; \(expected)")
        }
        if let studies = top["studies"] as? [Any] {
            throw RecordError(file: file, message: "this is a search result page with \(studies.count) studies, not one study record; \(expected)")
        }
        guard let proto = top["protocolSection"] as? [String: Any], let ident = proto["identificationModule"] as? [String: Any],
              ident["nctId"] is String else {
            throw RecordError(file: file, message: "no protocolSection.identificationModule.nctId; \(expected)")
        }
        do {
            return try JSONDecoder().decode(CTGovStudy.self, from: data)
        } catch let e as DecodingError {
            throw RecordError(file: file, message: "not a v2 study record: \(describe(e)); \(expected)")
        }
    }

    private static func jsonProblem(_ error: any Error, _ data: Data) -> String {
        let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
        let trimmed = data.reversed().drop { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
        if let last = trimmed.first, last != UInt8(ascii: "}") { return "it ends in the middle: the file is cut off; \(text)" }
        return text
    }

    private static func describe(_ e: DecodingError) -> String {
        func path(_ c: [any CodingKey]) -> String {
            c.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch e {
        case .typeMismatch(let t, let c): return "\(path(c.codingPath)) is not \(t)"
        case .valueNotFound(_, let c): return "\(path(c.codingPath)) is missing"
        case .keyNotFound(let k, let c): return "\((path(c.codingPath) + "." + k.stringValue).drop { $0 == "." }) is missing"
        case .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
