-- wrk script for the public certificate lookup bench (see PublicLookupBench.cs).
-- Arguments after "--": <token file> <path prefix>. With a token file, each request asks for a random
-- token of the file appended to the prefix; with "-" it requests the prefix alone (the reference).
-- done() prints one JSON line the bench parses: requests/s, latency percentiles in ms, error counts.
local tokens = {}
local prefix = "/"

function init(args)
  local file = args[1]
  prefix = args[2] or "/"
  if file ~= nil and file ~= "-" then
    for line in io.lines(file) do
      if #line > 0 then tokens[#tokens + 1] = line end
    end
  end
  -- Each wrk thread has its own Lua state; seed each differently so they do not ask in lockstep.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  if #tokens == 0 then
    return wrk.format("GET", prefix)
  end
  return wrk.format("GET", prefix .. tokens[math.random(#tokens)])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
