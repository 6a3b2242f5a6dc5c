-- wrk script: POSTs real DER OCSP requests, rotating over every *.req file of a directory.
-- usage: wrk -t2 -c32 -d10s -s ocsp-post.lua http://127.0.0.1:8080/ -- <request-dir> [path]
--   <request-dir>  DER OCSPRequests (*.req), e.g. made by make-ocsp-set.sh or the demo's var/demo/certs/requests
--   [path]         request path, default "/" (use /ocsp for the other OCSP route)
-- Every request is formatted once in init(); request() only picks the next one, so wrk measures the server.

local requests = {}
local index = 0

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

function init(args)
  local dir = args[1] or error("ocsp-post.lua: pass the request directory after --")
  local path = args[2] or "/"
  local list = assert(io.popen('ls -1 "' .. dir .. '"/*.req 2>/dev/null'))
  for file in list:lines() do
    local body = read_file(file)
    requests[#requests + 1] = wrk.format("POST", path, {
      ["Content-Type"] = "application/ocsp-request",
      ["Content-Length"] = tostring(#body),
    }, body)
  end
  list:close()
  if #requests == 0 then error("ocsp-post.lua: no *.req in " .. dir) end
  -- Threads start at different offsets so they do not ask the same request in lockstep.
  index = math.random(#requests) - 1
end

function request()
  index = index % #requests + 1
  return requests[index]
end

-- Paced (open-loop-like) mode: WRK_PACE_MS=N makes every connection wait N ms after each response, so the load is
-- about connections x 1000 / (N + latency) requests/s, below saturation: p99 then measures the server, not the
-- CPU contention of a saturated 2-core machine shared with wrk.
local pace = tonumber(os.getenv("WRK_PACE_MS") or "")
if pace then
  function delay() return pace end
end
