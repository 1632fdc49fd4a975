# One client delivers N leads, one after the other, to a new lead campaign of a running Ordo, and prints the total
# time and the latency of the last 1,000 deliveries (the campaign's state, and so its snapshot, is largest then).
# Usage: python3 docs/bench/lead-deliveries.py PORT N   (the service as the README runs it, user admin:demo)
import http.client, base64, json, time, sys
port=int(sys.argv[1]); n=int(sys.argv[2])
auth = "Basic " + base64.b64encode(b"admin:demo").decode()
c = http.client.HTTPConnection("localhost", port)
def req(m, p, body=None):
    c.request(m, p, body=json.dumps(body) if body is not None else None, headers={"Authorization": auth, "Content-Type": "application/json"})
    r = c.getresponse(); data = r.read(); return r.status, data
s, d = req("POST", "/api/orders", {"workflow": "lead_campaign", "customer": {"name": "Lead Bench"}, "leadsPurchased": n + 10})
oid = json.loads(d)["id"]
req("POST", f"/api/orders/{oid}/status", {"status": "active"})
lat=[]; t0=time.time()
for i in range(n):
    t=time.perf_counter(); s, d = req("POST", f"/api/orders/{oid}/leads", {"leadId": f"lead-{i:07d}"}); lat.append(time.perf_counter()-t)
    assert s == 200, (s, d)
last=sorted(lat[-1000:])
print(f"{n} deliveries in {time.time()-t0:.1f} s; last {len(last)}: p50 {last[len(last) // 2]*1000:.1f} ms "
      f"p99 {last[int(len(last) * 0.99)]*1000:.1f} ms")
