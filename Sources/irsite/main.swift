import IRSiteKit
print(IRSite.version)
