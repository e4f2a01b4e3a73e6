-- wrk script: POST a valid assessment request (example 03's request: a known supplier's new system).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = assert(os.getenv("BENCH_AUTH"), "BENCH_AUTH is not set (bench/load.sh sets it)")
local f = assert(io.open(os.getenv("BENCH_BODY") or "bench/assessment-request.json", "r"))
wrk.body = f:read("*a")
f:close()

local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
