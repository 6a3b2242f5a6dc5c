-- wrk script: GETs real OCSP requests as RFC 5019 §5 URLs (base64, then URL-encoded), rotating over every
-- *.req file of a directory.
-- usage: wrk -t2 -c32 -d10s -s ocsp-get.lua http://127.0.0.1:8080/ -- <request-dir> [prefix]
--   [prefix]  path before the base64, default "/" (use /ocsp/ for the other OCSP route)

local requests = {}
local index = 0
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

local function base64(data)
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local c1 = math.floor(n / 262144) % 64
    local c2 = math.floor(n / 4096) % 64
    local c3 = math.floor(n / 64) % 64
    local c4 = n % 64
    out[#out + 1] = alphabet:sub(c1 + 1, c1 + 1) .. alphabet:sub(c2 + 1, c2 + 1)
      .. (b and alphabet:sub(c3 + 1, c3 + 1) or "=") .. (c and alphabet:sub(c4 + 1, c4 + 1) or "=")
  end
  return table.concat(out)
end

local function url_encode(s)
  return (s:gsub("[+/=]", function(ch) return string.format("%%%02X", ch:byte()) end))
end

function init(args)
  local dir = args[1] or error("ocsp-get.lua: pass the request directory after --")
  local prefix = args[2] or "/"
  local list = assert(io.popen('ls -1 "' .. dir .. '"/*.req 2>/dev/null'))
  for file in list:lines() do
    requests[#requests + 1] = wrk.format("GET", prefix .. url_encode(base64(read_file(file))))
  end
  list:close()
  if #requests == 0 then error("ocsp-get.lua: no *.req in " .. dir) end
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
