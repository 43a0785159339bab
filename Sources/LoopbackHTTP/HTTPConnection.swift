import Foundation
import Glibc

/// One keep-alive HTTP/1.1 connection over a blocking TCP socket, for the load test and the server
/// tests: plain HTTP only (the service is on loopback), no TLS stack, no event loop to share the two
/// cores with the server. Responses are read by Content-Length or chunked encoding; a server's
/// `Connection: close` or a dropped connection makes the next request reconnect.
public final class HTTPConnection {
    public struct Target: Sendable {
        public var host: String
        public var port: UInt16
        public var path: String

        public init(host: String, port: UInt16, path: String = "/") {
            self.host = host
            self.port = port
            self.path = path
        }

        /// `http://host[:port]/path`; anything else (https, no host) is nil.
        public init?(url: String) {
            guard let components = URLComponents(string: url), components.scheme == "http", let host = components.host, !host.isEmpty else { return nil }
            self.host = host
            port = UInt16(components.port ?? 80)
            path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
            if let query = components.percentEncodedQuery { path += "?" + query }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A response as read: status, header fields in order (names as sent), body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
    }

    private let target: Target
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []

    public init(target: Target) { self.target = target }

    deinit { disconnect() }

    /// POSTs `body` to the target's path and returns the status code once the whole response has been read.
    public func post(_ body: [UInt8], contentType: String = "application/json") throws -> Int {
        try send(method: "POST", path: target.path, headers: [("Content-Type", contentType)], body: body).status
    }

    /// Sends one request and reads its whole response. A body gets a Content-Length; a HEAD answer
    /// has none to read.
    public func send(method: String, path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) throws -> Response {
        if descriptor < 0 { try connect() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(target.host):\(target.port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        do {
            try write(Array(head.utf8) + (body ?? []))
            let (response, keepAlive) = try readResponse(bodyExpected: method != "HEAD")
            if !keepAlive { disconnect() }
            return response
        } catch {
            disconnect()
            throw error
        }
    }

    private func connect() throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(target.host, String(target.port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve \(target.host)")
        }
        defer { freeaddrinfo(list) }
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let candidate = address {
            let opened = socket(candidate.pointee.ai_family, candidate.pointee.ai_socktype, candidate.pointee.ai_protocol)
            if opened >= 0 {
                if Glibc.connect(opened, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) == 0 {
                    var on: Int32 = 1
                    // Small requests must leave at once, not wait for Nagle's algorithm.
                    setsockopt(opened, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                    descriptor = opened
                    buffer.removeAll(keepingCapacity: true)
                    return
                }
                close(opened)
            }
            address = candidate.pointee.ai_next
        }
        throw Failure(description: "cannot connect to \(target.host):\(target.port): \(String(cString: strerror(errno)))")
    }

    private func disconnect() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let written = bytes.withUnsafeBytes { raw in Glibc.send(descriptor, raw.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
            sent += written
        }
    }

    /// Reads more bytes into the buffer; throws when the server closed the connection.
    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in recv(descriptor, raw.baseAddress!, raw.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: count == 0 ? "connection closed by the server" : "recv failed: \(String(cString: strerror(errno)))") }
            buffer.append(contentsOf: chunk[0..<count])
            return
        }
    }

    /// Index just past the first CRLF at or after `start`, filling the buffer as needed.
    private func line(from start: Int) throws -> (text: String, next: Int) {
        while true {
            if buffer.count >= start + 2 {
                for index in start..<(buffer.count - 1) where buffer[index] == 0x0D && buffer[index + 1] == 0x0A {
                    return (String(decoding: buffer[start..<index], as: UTF8.self), index + 2)
                }
            }
            guard buffer.count - start < 64 * 1024 else { throw Failure(description: "response line longer than 64 KiB") }
            try fill()
        }
    }

    private func need(_ count: Int) throws {
        while buffer.count < count { try fill() }
    }

    /// The response and whether the connection may be reused; leaves bytes of a next response in the buffer.
    private func readResponse(bodyExpected: Bool) throws -> (Response, keepAlive: Bool) {
        var (statusLine, position) = try line(from: 0)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Failure(description: "not an HTTP/1.x status line: \(statusLine.prefix(80))")
        }
        var length: Int?
        var chunked = false
        var keepAlive = parts[0] == "HTTP/1.1"
        var fields: [(name: String, value: String)] = []
        while true {
            let header: String
            (header, position) = try line(from: position)
            if header.isEmpty { break }
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            fields.append((String(header[..<colon]), header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            let value = fields[fields.count - 1].value.lowercased()
            switch name {
            case "content-length": length = Int(value)
            case "transfer-encoding": chunked = value.contains("chunked")
            case "connection": keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"))
            default: break
            }
        }
        var body: [UInt8] = []
        if !bodyExpected || status == 204 || status == 304 || (100..<200).contains(status) {
            // No body follows, whatever the headers say.
        } else if chunked {
            while true {
                let sizeLine: String
                (sizeLine, position) = try line(from: position)
                guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                    throw Failure(description: "bad chunk size line: \(sizeLine.prefix(40))")
                }
                if size == 0 {
                    // Trailers end with an empty line.
                    while true {
                        let trailer: String
                        (trailer, position) = try line(from: position)
                        if trailer.isEmpty { break }
                    }
                    break
                }
                try need(position + size + 2)
                body += buffer[position..<(position + size)]
                position += size + 2
            }
        } else if let length {
            try need(position + length)
            body = Array(buffer[position..<(position + length)])
            position += length
        } else {
            // No length: the body runs to the end of the connection.
            while (try? fill()) != nil {}
            body = Array(buffer[position...])
            position = buffer.count
            keepAlive = false
        }
        buffer.removeFirst(position)
        return (Response(status: status, headers: fields, body: body), keepAlive)
    }
}
