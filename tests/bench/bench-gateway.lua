-- bench-gateway.lua: wrk script for bench-gateway.sh.
-- Cycles through pre-signed request bodies (HMAC is not practical in wrk's Lua): the file
-- named by $OPEN1688_BENCH_BODIES has one application/x-www-form-urlencoded body a line.
-- Counts the answers by kind, per thread, and prints the totals at the end.

local bodies = {}
local file = assert(io.open(os.getenv("OPEN1688_BENCH_BODIES"), "r"))
for line in file:lines() do
  bodies[#bodies + 1] = line
end
file:close()

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  quota = 0
  other = 0
  next_body = math.random(#bodies)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next_body])
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif string.find(body, "gw.QosAppFrequencyLimit", 1, true) then
    quota = quota + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_quota, total_other = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_quota = total_quota + thread:get("quota")
    total_other = total_other + thread:get("other")
  end
  io.write(string.format("answers: ok=%d quota=%d other=%d\n", total_ok, total_quota, total_other))
  io.write(string.format("latency: p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
                         latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                         latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("throughput: %.0f requests/s\n",
                         summary.requests / (summary.duration / 1000000)))
end
