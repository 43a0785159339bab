import Foundation
import NIOCore

/// Why the server could not start listening, in words for the person who ran `postwacht serve`, or
/// nil for an error that is not about the address.
public func describeStartupError(_ error: any Error, host: String, port: Int) -> String? {
    guard let io = error as? IOError else {
        if error is SocketAddressError { return "cannot listen on \(host): not an address or host name this machine has; try --host 127.0.0.1" }
        return nil
    }
    switch io.errnoCode {
    case EADDRINUSE:
        return "port \(port) is already in use on \(host) (another postwacht serve?); stop it or choose another port with --port"
    case EACCES:
        return "not allowed to listen on port \(port) (ports below 1024 need root); choose a port from 1024 up with --port"
    case EADDRNOTAVAIL:
        return "cannot listen on \(host): this machine has no such address; try --host 127.0.0.1"
    default:
        return nil
    }
}
